using System;
using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Exact symbolic differentiation; results are in canonical simplified form. The derivative of each
    /// leaf (a variable or an array element) is given by a seed, so one engine computes partial
    /// derivatives (∂/∂a, ∂/∂W[m, n] with free indices m, n, leaving Kronecker deltas that collapse sums)
    /// and directional derivatives (leaf ↦ its component of a direction v).
    /// </summary>
    public sealed class Differentiator
    {
        private readonly Func<Expr, Expr> _seed;
        private readonly Dictionary<Expr, Expr> _memo = new Dictionary<Expr, Expr>();

        private Differentiator(Func<Expr, Expr> seed) => _seed = seed;

        /// <summary>∂e/∂variable for a scalar variable.</summary>
        public static Expr Differentiate(Expr e, string variable) =>
            Differentiate(e, leaf => leaf is Variable v && v.Name == variable ? Expr.One : Expr.Zero);

        /// <summary>
        /// ∂e/∂array[indices], the derivative with respect to one entry of an array, named by free
        /// indices (or constants). The result depends on those indices.
        /// </summary>
        public static Expr Differentiate(Expr e, string array, IReadOnlyList<Affine> indices) =>
            Differentiate(e, leaf => leaf is Element el && el.Array == array ? Deltas(el, indices) : Expr.Zero);

        /// <summary>The derivative of <paramref name="e"/> when each leaf (Variable or Element) has derivative seed(leaf).</summary>
        public static Expr Differentiate(Expr e, Func<Expr, Expr> seed) => CanonicalNames.Of(new Differentiator(seed).D(e));

        /// <summary>The gradient (∂e/∂v for each scalar v in order).</summary>
        public static Expr[] Gradient(Expr e, IReadOnlyList<string> variables)
        {
            var g = new Expr[variables.Count];
            for (var i = 0; i < g.Length; i++) g[i] = Differentiate(e, variables[i]);
            return g;
        }

        private static Expr Deltas(Element el, IReadOnlyList<Affine> indices)
        {
            if (el.Subscripts.Count != indices.Count) return Expr.Zero;
            var factors = new Expr[indices.Count];
            for (var k = 0; k < factors.Length; k++) factors[k] = Delta.Of(el.Subscripts[k], indices[k]);
            return Expr.Multiply(factors);
        }

        private Expr D(Expr e)
        {
            if (_memo.TryGetValue(e, out var known)) return known;
            var d = Rule(e);
            _memo[e] = d;
            return d;
        }

        private Expr Rule(Expr e)
        {
            switch (e)
            {
                case Constant _:
                case Delta _:
                    return Expr.Zero;
                case Variable _:
                case Element _:
                    return _seed(e);
                case IndexedSum r:
                    return IndexedSum.Build(r.Bound, D(r.Body));
                case IndexedProduct r:
                    return ProductRule(r);
                case Sum s:
                    return Expr.Add(Map(s.Terms));
                case Product p:
                    return ProductRule(p);
                case Power w:
                    return PowerRule(w);
                case FunctionCall f:
                    return ChainRule(f);
                default:
                    throw new InvalidOperationException($"Unknown expression kind {e.Kind}.");
            }
        }

        /// <summary>
        /// d f₁(f₂(…fₙ(u))) = f₁′·f₂′·…·fₙ′·u′, multiplied once: taking the chain one call at a time would
        /// rebuild an ever longer product at each level, quadratic in the depth of nested calls.
        /// </summary>
        private Expr ChainRule(FunctionCall f)
        {
            var factors = new List<Expr>();
            Expr e = f;
            for (; e is FunctionCall call && (ReferenceEquals(call, f) || !_memo.ContainsKey(call)); e = call.Argument)
                factors.Add(FunctionCatalogue.Of(call.Function).Derivative(call.Argument, call));
            factors.Add(D(e));
            return Expr.Multiply(factors.ToArray());
        }

        private Expr[] Map(IReadOnlyList<Expr> items)
        {
            var result = new Expr[items.Count];
            for (var i = 0; i < result.Length; i++) result[i] = D(items[i]);
            return result;
        }

        private Expr ProductRule(Product p)
        {
            var terms = new List<Expr>();
            for (var k = 0; k < p.Factors.Count; k++)
            {
                var dk = D(p.Factors[k]);
                if (dk.IsConstant(0.0)) continue;
                terms.Add(ProductBuilder.Replace(p, k, dk));
            }

            return Expr.Add(terms.ToArray());
        }

        /// <summary>
        /// d Π_{i ∉ E} f_i = Σ_{m ∉ E} f_m' · Π_{i ∉ E ∪ {m}} f_i: each term is the product with one more factor left out
        /// (exclusive products, no division by f_m, which may be zero). The sum over m ∉ E is written as the sum over all
        /// m less the terms at E by inclusion–exclusion, so its deltas collapse: ∂/∂w_r Π_{k ≠ p} w_k is
        /// Π_{k ∉ {p, r}} w_k − δ(p − r)·Π_{k ≠ p} w_k, one product per entry, not a sum of them.
        /// </summary>
        private Expr ProductRule(IndexedProduct r)
        {
            var factor = r.Body;
            IReadOnlyList<Affine> excluded = System.Array.Empty<Affine>();
            if (ExclusiveProduct.TryParse(r.Bound, r.Body, out var f, out var e))
            {
                factor = f;
                excluded = e;
            }

            var dFactor = D(factor);
            if (dFactor.IsConstant(0.0)) return Expr.Zero;
            Expr Term(Affine m) =>
                IndexSubstitution.Substitute(dFactor, r.Bound, m) * ExclusiveProduct.Of(r.Bound, factor, excluded.Append(m));

            var all = new IndexSymbol("$m", r.Bound.Range);
            var terms = new List<Expr> { IndexedSum.Build(all, Term(Affine.Of(all))) };
            // Every nonempty subset S of E, with sign (−1)^|S|: the term at S's first position when all of S coincide.
            for (var mask = 1; mask < 1 << excluded.Count; mask++)
            {
                var subset = Enumerable.Range(0, excluded.Count).Where(k => (mask & (1 << k)) != 0).Select(k => excluded[k]).ToList();
                var coincide = subset.Skip(1).Select(s => Delta.Of(subset[0], s)).ToList();
                coincide.Add(Expr.Const(subset.Count % 2 == 1 ? -1.0 : 1.0));
                coincide.Add(Term(subset[0]));
                terms.Add(Expr.Multiply(coincide.ToArray()));
            }

            return Expr.Add(terms.ToArray());
        }

        private Expr PowerRule(Power w)
        {
            var dBase = D(w.Base);
            var dExponent = D(w.Exponent);
            if (dExponent.IsConstant(0.0))
                return Expr.Multiply(w.Exponent, Expr.Pow(w.Base, w.Exponent - Expr.One), dBase);
            // d(b^e) = b^e·(e'·log b + e·b'/b)
            return Expr.Multiply(w, Expr.Apply(MathFunction.Log, w.Base) * dExponent + w.Exponent * dBase / w.Base);
        }
    }
}
