using System.Linq.Expressions;
using System.Reflection;
using SgdDsl.Symbolics;
using Linq = System.Linq.Expressions.Expression;

namespace SgdDsl.Formulas;

/// <summary>
/// Compiles symbolic expressions to delegates with System.Linq.Expressions: the variables are read from
/// arrays, common subexpressions become block locals computed once, and the outputs are written into an
/// array. The same simplified, CSE'd straight-line program the generator would write, built at run time.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow))!;

    /// <summary>The engine's own definition of each function, so a formula computes what the symbolic evaluator does.</summary>
    private static readonly MethodInfo Evaluate = typeof(FunctionInfo).GetMethod(nameof(FunctionInfo.Evaluate))!;

    /// <summary>A delegate (θ, sample, v, output) writing every output; v may be empty when no output reads it.</summary>
    public static Action<double[], double[], double[], double[]> Compile(
        IReadOnlyList<Symbolics.Expr> outputs, IReadOnlyList<string> parameters, IReadOnlyList<string> data, string directionPrefix)
    {
        var theta = Linq.Parameter(typeof(double[]), "theta");
        var sample = Linq.Parameter(typeof(double[]), "sample");
        var v = Linq.Parameter(typeof(double[]), "v");
        var result = Linq.Parameter(typeof(double[]), "result");

        var leaves = new Dictionary<string, Linq>();
        for (var i = 0; i < parameters.Count; i++)
        {
            leaves[parameters[i]] = Linq.ArrayIndex(theta, Linq.Constant(i));
            leaves[directionPrefix + parameters[i]] = Linq.ArrayIndex(v, Linq.Constant(i));
        }

        for (var i = 0; i < data.Count; i++) leaves[data[i]] = Linq.ArrayIndex(sample, Linq.Constant(i));

        var cse = CommonSubexpressions.Eliminate(outputs);
        var locals = new Dictionary<Symbolics.Expr, ParameterExpression>();
        var body = new List<Linq>();
        foreach (var t in cse.Temporaries)
        {
            var local = Linq.Variable(typeof(double), t.Name);
            body.Add(Linq.Assign(local, Build(t.Definition, leaves, locals, root: true)));
            locals[t.Definition] = local;
        }

        for (var i = 0; i < outputs.Count; i++)
            body.Add(Linq.Assign(Linq.ArrayAccess(result, Linq.Constant(i)), Build(outputs[i], leaves, locals, root: false)));

        var block = Linq.Block(locals.Values, body);
        return Linq.Lambda<Action<double[], double[], double[], double[]>>(block, theta, sample, v, result).Compile();
    }

    private static Linq Build(Symbolics.Expr e, Dictionary<string, Linq> leaves, Dictionary<Symbolics.Expr, ParameterExpression> locals, bool root)
    {
        if (!root && locals.TryGetValue(e, out var local)) return local;
        Linq Sub(Symbolics.Expr child) => Build(child, leaves, locals, root: false);
        switch (e)
        {
            case Constant c:
                return Linq.Constant(c.Value);
            case Variable x:
                return leaves.TryGetValue(x.Name, out var leaf) ? leaf : throw new InvalidOperationException($"No value for '{x.Name}'.");
            case Sum s:
                return s.Terms.Select(Sub).Aggregate(s.Offset == 0 ? null : (Linq)Linq.Constant(s.Offset), (acc, t) => acc == null ? t : Linq.Add(acc, t))!;
            case Product p:
                return p.Factors.Select(Sub).Aggregate(p.Coefficient == 1 ? null : (Linq)Linq.Constant(p.Coefficient), (acc, f) => acc == null ? f : Linq.Multiply(acc, f))!;
            case Power w when w.ConstantExponent == 2.0:
                var b = Sub(w.Base);
                return b is ParameterExpression or IndexExpression or BinaryExpression { NodeType: ExpressionType.ArrayIndex } ? Linq.Multiply(b, b) : Linq.Call(Pow, b, Linq.Constant(2.0));
            case Power w when w.ConstantExponent == -1.0:
                return Linq.Divide(Linq.Constant(1.0), Sub(w.Base));
            case Power w:
                return Linq.Call(Pow, Sub(w.Base), Sub(w.Exponent));
            case FunctionCall f:
                return Linq.Call(Linq.Constant(FunctionCatalogue.Of(f.Function)), Evaluate, Sub(f.Argument));
            default:
                throw new NotSupportedException($"A formula cannot contain {e.Kind} nodes.");
        }
    }
}
