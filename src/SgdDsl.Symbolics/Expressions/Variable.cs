using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>A named scalar: a parameter, a data value or a local of the generated code.</summary>
    public sealed class Variable : Expr
    {
        internal Variable(string name) : base(Combine(31, StableHash(name))) => Name = name;

        public string Name { get; }

        public override ExprKind Kind => ExprKind.Variable;

        public override IReadOnlyList<Expr> Children => Array.Empty<Expr>();

        private protected override bool EqualsSameKind(Expr other) => ((Variable)other).Name == Name;

        // string.GetHashCode is randomized per process; a stable hash keeps hashing reproducible.
        internal static int StableHash(string s)
        {
            unchecked
            {
                var h = (int)2166136261;
                foreach (var c in s) h = (h ^ c) * 16777619;
                return h;
            }
        }
    }
}
