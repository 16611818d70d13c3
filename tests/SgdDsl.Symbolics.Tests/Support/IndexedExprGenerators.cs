using CsCheck;

namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>
/// CsCheck generators of random indexed expressions: Σ and Π over indices, entries of the arrays <see cref="Arrays"/> with
/// affine subscripts in the enclosing indices (and the free index p), Kronecker deltas, scalars a and b, the operators and
/// smooth functions. Built through the simplifying factories, as the generator's translator builds a loss.
/// </summary>
internal static class IndexedExprGenerators
{
    /// <summary>The arrays the expressions read, with their shapes.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> Arrays = new Dictionary<string, IReadOnlyList<int>>
    {
        ["W"] = [3, 4],
        ["v"] = [3],
        ["x"] = [4],
    };

    /// <summary>A free index, as in the gradient formula ∂ℓ/∂v[p].</summary>
    public static readonly IndexSymbol P = new("p", 3);

    private static readonly Gen<MathFunction> Functions = Gen.OneOfConst(MathFunction.Tanh, MathFunction.Exp, MathFunction.Sin, MathFunction.LogCosh);

    /// <summary>Expressions of depth at most <paramref name="maxDepth"/>, with p free when <paramref name="withFree"/>.</summary>
    public static Gen<Expr> Expressions(int maxDepth, bool withFree) => Node(0, maxDepth, withFree ? [P] : []);

    private static Gen<Expr> Node(int depth, int maxDepth, IndexSymbol[] scope)
    {
        var leaf = Leaf(scope);
        if (depth >= maxDepth) return leaf;
        var self = Node(depth + 1, maxDepth, scope);
        var options = new List<(int, IGen<Expr>)>
        {
            (4, leaf),
            (3, Gen.Select(self, self, (a, b) => a + b)),
            (1, Gen.Select(self, self, (a, b) => a - b)),
            (3, Gen.Select(self, self, (a, b) => a * b)),
            (1, Gen.Select(self, ExprGenerators.ExactConstants.Where(c => c != 0), (a, c) => a / c)),
            (1, self.Select(a => Expr.Pow(a, Expr.Const(2)))),
            // A function of a constant is folded, unless its value overflows (exp(5e11)): such a node has no finite
            // printed form the parser accepts, so it is not drawn.
            (2, Gen.Select(Functions, self, (f, a) => Expr.Apply(f, a)).Where(e => e is not FunctionCall { Argument: Constant })),
        };
        if (scope.Length < 3)
        {
            foreach (var range in new[] { 3, 4 })
            {
                var index = new IndexSymbol("j" + scope.Length + "_" + range, range);
                var body = Node(depth + 1, maxDepth, [.. scope, index]);
                options.Add((2, body.Select(b => IndexedSum.Build(index, b))));
                options.Add((1, body.Select(b => IndexedProduct.Build(index, b))));
            }
        }

        return Gen.Frequency<Expr>(options.ToArray());
    }

    private static Gen<Expr> Leaf(IndexSymbol[] scope)
    {
        var options = new List<(int, IGen<Expr>)>
        {
            (1, ExprGenerators.ExactConstants.Select(Expr.Const)),
            (1, Gen.OneOfConst("a", "b").Select(Expr.Var)),
        };
        foreach (var (name, shape) in Arrays)
            options.Add((3, shape.Count == 1
                ? Subscript(shape[0], scope).Select(s => (Expr)new Element(name, s))
                : Gen.Select(Subscript(shape[0], scope), Subscript(shape[1], scope), (s, t) => (Expr)new Element(name, s, t))));
        if (scope.Length >= 2)
            options.Add((1, Gen.Select(Gen.Int[0, scope.Length - 1], Gen.Int[0, scope.Length - 1],
                (i, j) => Delta.Of(Affine.Of(scope[i]), Affine.Of(scope[j])))));
        return Gen.Frequency<Expr>(options.ToArray());
    }

    /// <summary>A subscript of an extent-n dimension: a constant, an index, its reverse n − 1 − i, or a shift i + 1, always in range.</summary>
    private static Gen<Affine> Subscript(int n, IndexSymbol[] scope)
    {
        var options = new List<Affine>();
        for (var c = 0; c < n; c++) options.Add(Affine.Of(c));
        foreach (var i in scope)
        {
            if (i.Range > n) continue;
            options.Add(Affine.Of(i));
            options.Add(Affine.Of(i));
            if (i.Range == n) options.Add(Affine.Of(n - 1) - Affine.Of(i));
            if (i.Range < n) options.Add(Affine.Of(i) + Affine.Of(1));
        }

        return Gen.OneOfConst(options.ToArray());
    }
}
