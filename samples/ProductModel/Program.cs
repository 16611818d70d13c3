Console.WriteLine(ProductModelSample.ProductModel.LossFormula);
