using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// Long scalar products that share most of their factors, as products of a few runs of one chain. The derivatives of
    /// ℓ(Π_k a_k) over n scalar parameters are Π_{k ≠ p} a_k, Π_{k ∉ {p, r}} a_k and Gauss–Newton products
    /// x²·a_p·a_r·Π_{k ∉ {p, r}} a_k²: n² products of n factors each, O(n³) code printed one factor at a time. Ordered
    /// along the chain of their bases (a_0, …, a_{n−1}, x, …), a product's factors of exponent ≥ l, for each layer
    /// l = 1, 2, …, form a few contiguous runs (prefix, middle, suffix around the excluded factors), and each run
    /// Π_{s ≤ k &lt; e} is one multiplication from a shorter run computed before it (a middle run extends the one that
    /// ends a factor earlier). The Hessian then costs O(n²) multiplications and lines, and no division is involved
    /// (exact at zero factors).
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>Products with at least this many factors join the chain; shorter ones print as they are.</summary>
        private const int ChainProductLength = 8;

        /// <summary>A product of more runs than this gains too little from them and prints as it is.</summary>
        private const int MaxRuns = 8;

        private readonly Dictionary<Expr, int> _chainPosition = new Dictionary<Expr, int>();
        private readonly List<Expr> _chain = new List<Expr>();
        private readonly Dictionary<(int Start, int End), Reference> _runs = new Dictionary<(int, int), Reference>();

        /// <summary>Orders the bases of every long index-free product in the outputs into the chain.</summary>
        private void FindChain()
        {
            var products = _uses.Keys.Where(IsChainProduct).ToList();
            // One long product alone (a loss's value) has nothing to share: it prints as it is.
            if (products.Count < 2) return;
            var bases = new HashSet<Expr>();
            foreach (var e in products)
                foreach (var factor in ((Product)e).Factors) bases.Add(BaseOf(factor).Base);
            _chain.AddRange(bases.OrderBy(b => b));
            for (var k = 0; k < _chain.Count; k++) _chainPosition[_chain[k]] = k;
        }

        /// <summary>Whether <paramref name="e"/> is computed from the chain's runs (and so needs a name, not inline printing).</summary>
        private bool JoinsChain(Expr e) => _chain.Count > 0 && IsChainProduct(e);

        private static bool IsChainProduct(Expr e) => e is Product p && p.Factors.Count >= ChainProductLength && e.FreeIndices.Count == 0;

        /// <summary>(b, m) for a factor b^m with m a small positive integer, (factor, 1) otherwise.</summary>
        private static (Expr Base, int Exponent) BaseOf(Expr factor) =>
            factor is Power { ConstantExponent: { } m } w && m >= 1 && m <= 16 && m == System.Math.Floor(m) ? (w.Base, (int)m) : (factor, 1);

        /// <summary>The product as its runs along the chain, computed at the method body <paramref name="root"/>; null when it is no chain product.</summary>
        private Operand? Chained(Expr e, Scope root)
        {
            if (root.Index != null || _chain.Count == 0 || !IsChainProduct(e) || !(e is Product p)) return null;
            var exponents = new int[_chain.Count];
            foreach (var factor in p.Factors)
            {
                var (b, m) = BaseOf(factor);
                if (!_chainPosition.TryGetValue(b, out var k)) return null;
                exponents[k] += m;
            }

            var runs = new List<(int Start, int End)>();
            for (var layer = 1; layer <= exponents.Max(); layer++)
                for (var k = 0; k < exponents.Length;)
                {
                    if (exponents[k] < layer)
                    {
                        k++;
                        continue;
                    }

                    var start = k;
                    while (k < exponents.Length && exponents[k] >= layer) k++;
                    runs.Add((start, k));
                }

            if (runs.Count > MaxRuns) return null;
            var held = new Dictionary<Expr, Reference>();
            var factors = runs.Select(r => Piece(r.Start, r.End, root, held)).Prepend(Expr.Const(p.Coefficient)).ToArray();
            return new Formula(Expr.Multiply(factors), held);
        }

        /// <summary>A run in a formula: the chain's factor itself when it is a plain one, else a name held by its value.</summary>
        private Expr Piece(int start, int end, Scope root, Dictionary<Expr, Reference> held)
        {
            if (end - start == 1 && !CommonSubexpressions.IsCompound(_chain[start])) return _chain[start];
            var name = HeldName("run");
            held[name] = Run(start, end, root);
            return name;
        }

        /// <summary>Π_{start ≤ k &lt; end} chain[k] (at least two factors, or one compound), defined at the method body the first time a product asks for it.</summary>
        private Reference Run(int start, int end, Scope root)
        {
            if (_runs.TryGetValue((start, end), out var known)) return known;
            if (end - start == 1) return _runs[(start, end)] = Reference(Text(_chain[start], root), root);
            // A prefix grows to the right and a suffix to the left, so each is built once whatever order they are asked in.
            // A middle extends the run one factor shorter on the right when that is known (Π_{p < k < r} as r grows), else
            // grows from the left, which leaves every run ending there known (the runs up to an absent factor the next rows ask for).
            var right = start == 0 || end != _chain.Count && _runs.ContainsKey((start, end - 1));
            var held = new Dictionary<Expr, Reference>();
            var product = right
                ? Piece(start, end - 1, root, held) * Piece(end - 1, end, root, held)
                : Piece(start, start + 1, root, held) * Piece(start + 1, end, root, held);
            var value = new Intermediate(_temporaries++);
            root.Statements.Add(new Let(value, new Formula(product, held)));
            return _runs[(start, end)] = value;
        }
    }
}
