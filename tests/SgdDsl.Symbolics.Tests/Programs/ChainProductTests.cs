namespace SgdDsl.Symbolics.Tests.Programs;

/// <summary>
/// The derivatives of ℓ = ½(x·Π_k a_k − y)² over n scalar parameters are n² long products (Π_{k ∉ {p, r}} a_k and the
/// Gauss–Newton x²·a_p·a_r·Π_{k ∉ {p, r}} a_k²) of about n factors each. Read off the programs (no timing): each statement
/// multiplies a bounded number of values, so the Hessian's program grows like its n² entries, not like n³ factors.
/// </summary>
public sealed class ChainProductTests
{
    private static DerivativePrograms Programs(int n)
    {
        var a = Enumerable.Range(0, n).Select(k => Expr.Var("a" + k)).ToArray();
        var loss = 0.5 * Expr.Pow(Expr.Multiply(a) * Expr.Var("x") - Expr.Var("y"), 2);
        return DerivativePrograms.Compute(Enumerable.Range(0, n).Select(k => new ParameterBlock("a" + k, [], k)).ToList(), n, loss);
    }

    /// <summary>The nodes of every value the statements compute, counted as printed: the size of the code.</summary>
    private static int Size(IEnumerable<Statement> statements) => statements.Sum(s => s switch
    {
        Let l => Size(l.Value),
        Store s2 => Size(s2.Value),
        Loop loop => Size(loop.Body),
        _ => 1,
    });

    private static int Size(Operand o) => o switch
    {
        Formula f => Nodes(f.Expression, f.Held),
        SplitProduct s => Size(s.Outer) + Size(s.Inner),
        _ => 1,
    };

    /// <summary>A value held by an earlier statement is read, not recomputed: one node.</summary>
    private static int Nodes(Expr e, IReadOnlyDictionary<Expr, Reference> held) => held.ContainsKey(e) ? 1 : 1 + e.Children.Sum(c => Nodes(c, held));

    [Fact]
    public void The_hessian_of_a_product_of_scalars_grows_with_its_entries()
    {
        var (small, large) = (Size(Programs(20).Hessian.Program.Statements), Size(Programs(40).Hessian.Program.Statements));
        // Twice the parameters, four times the entries: about 4× (each printed in full, 8×).
        Assert.True(large < 5 * small, $"n = 20: {small} nodes, n = 40: {large} nodes");
    }

    [Fact]
    public void The_gradient_of_a_product_of_scalars_grows_linearly()
    {
        var (small, large) = (Size(Programs(20).Gradient.Program.Statements), Size(Programs(40).Gradient.Program.Statements));
        // Prefix and suffix runs: a few multiplications per entry (each printed in full, 4×).
        Assert.True(large < 2.5 * small, $"n = 20: {small} nodes, n = 40: {large} nodes");
    }
}
