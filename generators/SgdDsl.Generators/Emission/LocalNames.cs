using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using SgdDsl.Generators.Spec;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Emission
{
    /// <summary>
    /// The C# text for each symbolic variable inside generated methods: the user's own names where
    /// they do not clash with the methods' parameters, and a temporary prefix no user name can hit.
    /// </summary>
    internal sealed class LocalNames
    {
        private static readonly HashSet<string> Reserved = new HashSet<string> { "theta", "sample", "gradient", "hessian", "v", "result", "value" };
        private readonly Dictionary<string, string> _locals = new Dictionary<string, string>();

        public LocalNames(ModelSpec spec)
        {
            var taken = new HashSet<string>(Reserved);
            foreach (var name in spec.ParameterNames.Concat(spec.SampleNames))
            {
                // A parameter declared as @double is named "double"; its local needs the @ back.
                var local = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
                while (taken.Contains(local)) local += "_";
                taken.Add(local);
                _locals[name] = local;
            }

            TemporaryPrefix = "t";
            while (taken.Any(n => n.StartsWith(TemporaryPrefix, System.StringComparison.Ordinal) && n.Skip(TemporaryPrefix.Length).All(char.IsDigit)))
                TemporaryPrefix += "_";
        }

        /// <summary>Prefix of common-subexpression locals (t0, t1, …).</summary>
        public string TemporaryPrefix { get; }

        /// <summary>The local holding a parameter or data value.</summary>
        public string Local(string name) => _locals[name];

        /// <summary>The C# text of a variable in an expression.</summary>
        public string Of(Variable v) =>
            v.Name.StartsWith(DerivativeSet.DirectionPrefix, System.StringComparison.Ordinal)
                ? "v[" + v.Name.Substring(DerivativeSet.DirectionPrefix.Length) + "]"
                : _locals[v.Name];
    }
}
