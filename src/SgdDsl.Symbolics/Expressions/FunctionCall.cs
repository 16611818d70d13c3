using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>An elementary function applied to one argument.</summary>
    public sealed class FunctionCall : Expr
    {
        private readonly Expr[] _children;

        private FunctionCall(MathFunction function, Expr argument)
            : base(Combine(Combine(113, (int)function), argument.GetHashCode()))
        {
            Function = function;
            Argument = argument;
            _children = new[] { argument };
        }

        public MathFunction Function { get; }

        public Expr Argument { get; }

        public override ExprKind Kind => ExprKind.Function;

        public override IReadOnlyList<Expr> Children => _children;

        private protected override bool EqualsSameKind(Expr other)
        {
            var f = (FunctionCall)other;
            return f.Function == Function && f.Argument.Equals(Argument);
        }

        internal static Expr Build(MathFunction function, Expr argument)
        {
            if (argument is Constant c)
            {
                var value = Evaluator.Apply(function, c.Value);
                if (IsFinite(value)) return Const(value);
            }

            if (argument is FunctionCall inner)
            {
                // exp and log are mutual inverses wherever log is defined.
                if (function == MathFunction.Log && inner.Function == MathFunction.Exp) return inner.Argument;
                if (function == MathFunction.Exp && inner.Function == MathFunction.Log) return inner.Argument;
                // log(cosh x) is log cosh x, so Math.Log(Math.Cosh(r)) gets LogCosh's derivatives, stable value and sign.
                if (function == MathFunction.Log && inner.Function == MathFunction.Cosh) return new FunctionCall(MathFunction.LogCosh, inner.Argument);
                if (function == MathFunction.Exp && inner.Function == MathFunction.LogCosh) return new FunctionCall(MathFunction.Cosh, inner.Argument);
            }

            return new FunctionCall(function, argument);
        }

        internal static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);
    }
}
