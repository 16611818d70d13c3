namespace SgdDsl.Symbolics.Tests.Programs;

/// <summary>
/// The cost class of Π's derivatives, read off the loop programs (no timing): the work of a program is bounded by the
/// range to the power of its deepest loop nest. The gradient of Π_k w_k comes from prefix and suffix products (loops
/// one deep, O(L)); its Hessian's entries are exclusive products Π_{k ∉ {p, r}} w_k, scanned per p (two deep, O(L²); a
/// product loop per entry nested three, O(L³), and the product rule applied twice four, O(L⁴)).
/// </summary>
public sealed class ProductScheduleTests
{
    private const int L = 200;

    /// <summary>ℓ = ½(x·Π_k w_k − y)² with w of L entries.</summary>
    private static DerivativePrograms Chain()
    {
        var k = new IndexSymbol("k", L);
        var product = IndexedProduct.Build(k, new Element("w", Affine.Of(k)));
        var loss = 0.5 * Expr.Pow(Expr.Var("x") * product - Expr.Var("y"), 2);
        return DerivativePrograms.Compute([new ParameterBlock("w", [L], 0)], L, loss);
    }

    private static int Depth(IEnumerable<Statement> statements) =>
        statements.Select(s => s is Loop loop ? 1 + Depth(loop.Body) : 0).DefaultIfEmpty(0).Max();

    private static IEnumerable<Loop> Loops(IEnumerable<Statement> statements) =>
        statements.OfType<Loop>().SelectMany(l => Loops(l.Body).Prepend(l));

    [Fact]
    public void The_gradient_of_a_product_is_computed_by_loops_one_deep()
    {
        var programs = Chain();
        Assert.Equal(1, Depth(programs.Gradient.Program.Statements));
        // Π w, the prefix and suffix products, and the gradient entries: a fixed number of passes over w.
        Assert.InRange(Loops(programs.Gradient.Program.Statements).Count(), 1, 4);
    }

    [Fact]
    public void The_hessian_nests_two_loops_and_its_product_with_a_vector_one()
    {
        var programs = Chain();
        // Π_{k ∉ {p, r}} w_k from prefix and suffix scans inside the loop over p (a product loop per entry nested three).
        Assert.Equal(2, Depth(programs.Hessian.Program.Statements));
        // Σ_r v_r Π_{k ∉ {p, r}} w_k from tangent scans (TangentScans).
        Assert.Equal(1, Depth(programs.HessianVectorProduct.Program.Statements));
    }

    [Fact]
    public void Excluding_a_position_twice_is_excluding_it_once()
    {
        var k = new IndexSymbol("k", 5);
        var p = new IndexSymbol("p", 5);
        var w = new Element("w", Affine.Of(k));
        Assert.Equal(ExclusiveProduct.Of(k, w, [Affine.Of(p)]), ExclusiveProduct.Of(k, w, [Affine.Of(p), Affine.Of(p)]));
        var r = new IndexSymbol("r", 5);
        var twice = ExclusiveProduct.Of(k, w, [Affine.Of(p), Affine.Of(r)]);
        Assert.Equal(ExclusiveProduct.Of(k, w, [Affine.Of(p)]), IndexSubstitution.Substitute(twice, r, Affine.Of(p)));
    }

    [Fact]
    public void An_exclusive_product_is_found_again_from_its_body()
    {
        var k = new IndexSymbol("k", 5);
        var p = new IndexSymbol("p", 5);
        var factor = Expr.One + new Element("W", Affine.Of(p), Affine.Of(k)) * new Element("x", Affine.Of(k));
        var product = (IndexedProduct)ExclusiveProduct.Of(k, factor, [Affine.Of(p)]);
        Assert.True(ExclusiveProduct.TryParse(product.Bound, product.Body, out var found, out var excluded));
        Assert.Equal(IndexSubstitution.Substitute(factor, k, Affine.Of(product.Bound)), found);
        Assert.Equal([Affine.Of(p)], excluded);
    }
}
