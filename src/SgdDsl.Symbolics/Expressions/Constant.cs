using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>A real constant (a finite double).</summary>
    public sealed class Constant : Expr
    {
        internal Constant(double value) : base(Combine(17, value.GetHashCode())) => Value = value;

        public double Value { get; }

        public override ExprKind Kind => ExprKind.Constant;

        public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();

        private protected override bool EqualsSameKind(Expr other) => ((Constant)other).Value.Equals(Value);
    }
}
