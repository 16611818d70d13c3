namespace SgdDsl.Symbolics.Tests.Expressions;

/// <summary>
/// Deeply nested expressions stay cheap to hash, compare and simplify. Their costs are not timed (tests never time
/// anything); these pin the structural facts that made them cheap: nested nodes hash apart, and calls of one
/// function order by the depth of their argument before walking it.
/// </summary>
public sealed class NestingTests
{
    private static readonly Expr X = Expr.Var("x");

    private static Expr Nest(int depth, Func<Expr, Expr> wrap)
    {
        var e = X;
        for (var k = 0; k < depth; k++) e = wrap(e);
        return e;
    }

    public static TheoryData<string> Wrappers => ["exp", "sin", "power tower", "shifted square", "scaled call"];

    private static Func<Expr, Expr> Wrapper(string name) => name switch
    {
        "exp" => e => Expr.Apply(MathFunction.Exp, e),
        "sin" => e => Expr.Apply(MathFunction.Sin, e),
        "power tower" => e => Expr.Pow(X, e),
        "shifted square" => e => Expr.Pow(e, 2.0) + 1,
        _ => e => Expr.Apply(MathFunction.Tanh, 2 * e),
    };

    /// <summary>
    /// The hash once mixed a child in last without multiplying, so f(f(x)) and x hashed alike and every dictionary of
    /// a chain's nodes compared whole chains: d/dx exp(exp(…)) took minutes at depth 1,000.
    /// </summary>
    [Theory]
    [MemberData(nameof(Wrappers))]
    public void The_nodes_of_a_nested_chain_hash_apart(string wrapper)
    {
        var wrap = Wrapper(wrapper);
        var hashes = new HashSet<int>();
        var e = X;
        for (var k = 0; k <= 1000; k++, e = wrap(e)) hashes.Add(e.GetHashCode());
        Assert.Equal(1001, hashes.Count);
    }

    [Fact]
    public void Calls_of_one_function_order_by_the_depth_of_their_argument_first()
    {
        var y = Expr.Var("y");
        var shallow = Expr.Apply(MathFunction.Exp, X * y); // by kind alone, Product > Function would put it last
        var deep = Expr.Apply(MathFunction.Exp, Expr.Apply(MathFunction.Exp, Expr.Apply(MathFunction.Exp, X)));
        Assert.True(shallow.CompareTo(deep) < 0);
        Assert.True(deep.CompareTo(shallow) > 0);
        Assert.True(Expr.Apply(MathFunction.Cos, deep).CompareTo(Expr.Apply(MathFunction.Exp, X)) > 0, "the function still comes first");
    }
}
