using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>Base^Exponent with an exponent other than 0 and 1; √x is x^0.5, 1/x is x^−1.</summary>
    public sealed class Power : Expr
    {
        private readonly Expr[] _children;

        internal Power(Expr @base, Expr exponent)
            : base(Combine(Combine(97, @base.GetHashCode()), exponent.GetHashCode()))
        {
            Base = @base;
            Exponent = exponent;
            _children = new[] { @base, exponent };
        }

        public Expr Base { get; }

        public Expr Exponent { get; }

        public override ExprKind Kind => ExprKind.Power;

        public override IReadOnlyList<Expr> Children => _children;

        /// <summary>The exponent when it is a constant, otherwise null.</summary>
        public double? ConstantExponent => Exponent is Constant c ? c.Value : (double?)null;

        private protected override bool EqualsSameKind(Expr other)
        {
            var p = (Power)other;
            return p.Base.Equals(Base) && p.Exponent.Equals(Exponent);
        }
    }
}
