using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>Builds the canonical form of a sum: flattens, folds constants and collects like terms.</summary>
    internal static class SumBuilder
    {
        public static Expr Build(IReadOnlyList<Expr> terms)
        {
            var offset = 0.0;
            var order = new List<Expr>();
            var coefficients = new Dictionary<Expr, double>();
            foreach (var term in terms) Accumulate(term, 1.0, ref offset, order, coefficients);

            var result = new List<Expr>(order.Count);
            foreach (var monomial in order)
            {
                var c = coefficients[monomial];
                if (c != 0.0) result.Add(c == 1.0 ? monomial : ProductBuilder.Scale(c, monomial));
            }

            if (result.Count == 0) return Expr.Const(offset);
            if (result.Count == 1 && offset == 0.0) return result[0];
            var sorted = result.ToArray();
            System.Array.Sort(sorted, ExprOrder.SumTerms);
            return new Sum(offset, sorted);
        }

        private static void Accumulate(Expr term, double scale, ref double offset, List<Expr> order, Dictionary<Expr, double> coefficients)
        {
            switch (term)
            {
                case Constant c:
                    offset += scale * c.Value;
                    return;
                case Sum s:
                    offset += scale * s.Offset;
                    foreach (var t in s.Terms) Accumulate(t, scale, ref offset, order, coefficients);
                    return;
                case Product p:
                    Collect(p.WithoutCoefficient(), scale * p.Coefficient, order, coefficients);
                    return;
                default:
                    Collect(term, scale, order, coefficients);
                    return;
            }
        }

        private static void Collect(Expr monomial, double coefficient, List<Expr> order, Dictionary<Expr, double> coefficients)
        {
            if (coefficients.TryGetValue(monomial, out var existing))
            {
                coefficients[monomial] = existing + coefficient;
            }
            else
            {
                coefficients.Add(monomial, coefficient);
                order.Add(monomial);
            }
        }
    }
}
