using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// coefficient · Π factors. Canonical: no factor a product or a constant, factors with distinct
    /// bases (powers of a common base merged), sorted; a lone sum factor is never scaled (c·(x + y)
    /// is distributed into a sum), and a lone factor with coefficient 1 is not a product.
    /// </summary>
    public sealed class Product : Expr
    {
        private readonly Expr[] _factors;
        private readonly Expr[] _children;

        internal Product(double coefficient, Expr[] factors)
            : base(Combine(Combine(71, coefficient.GetHashCode()), factors))
        {
            Coefficient = coefficient;
            _factors = factors;
            if (coefficient == 1.0)
            {
                _children = factors;
            }
            else
            {
                _children = new Expr[factors.Length + 1];
                _children[0] = Const(coefficient);
                factors.CopyTo(_children, 1);
            }
        }

        private double _degree = double.NaN;

        /// <summary>The sum of the factors' degrees (the order of sum terms compares it), computed once.</summary>
        internal double Degree
        {
            get
            {
                if (double.IsNaN(_degree))
                {
                    var d = 0.0;
                    foreach (var f in _factors) d += ExprOrder.Degree(f);
                    _degree = d;
                }

                return _degree;
            }
        }

        /// <summary>The numeric coefficient.</summary>
        public double Coefficient { get; }

        /// <summary>The non-constant factors.</summary>
        public IReadOnlyList<Expr> Factors => _factors;

        public override ExprKind Kind => ExprKind.Product;

        public override IReadOnlyList<Expr> Children => _children;

        /// <summary>The product without its numeric coefficient.</summary>
        public Expr WithoutCoefficient() =>
            _factors.Length == 1 ? _factors[0] : new Product(1.0, _factors);

        private protected override bool EqualsSameKind(Expr other)
        {
            var p = (Product)other;
            return p.Coefficient.Equals(Coefficient) && Sum.SequenceEqual(p._factors, _factors);
        }
    }
}
