Console.WriteLine(TwoLayerTanhSample.TwoLayerTanh.LossFormula);
