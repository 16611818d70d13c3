using CsCheck;

namespace SgdDsl.Symbolics.Tests.Support;

/// <summary>A point (x, y, z) at which expressions over the generator's variables are evaluated.</summary>
internal sealed record Point(double X, double Y, double Z)
{
    public double this[string variable] => variable switch
    {
        "x" => X,
        "y" => Y,
        "z" => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(variable)),
    };

    public Point With(string variable, double value) => variable switch
    {
        "x" => this with { X = value },
        "y" => this with { Y = value },
        "z" => this with { Z = value },
        _ => throw new ArgumentOutOfRangeException(nameof(variable)),
    };

    public IReadOnlyDictionary<string, double> Values => new Dictionary<string, double> { ["x"] = X, ["y"] = Y, ["z"] = Z };

    public override string ToString() => FormattableString.Invariant($"(x={X:R}, y={Y:R}, z={Z:R})");
}

/// <summary>CsCheck generators of random expression trees and evaluation points.</summary>
internal static class ExprGenerators
{
    public static readonly string[] Variables = ["x", "y", "z"];

    /// <summary>
    /// Short dyadic rationals: sums and products of a few of them are exact in binary floating
    /// point, so the order in which the simplifier folds them cannot change the result.
    /// </summary>
    public static readonly Gen<double> ExactConstants = Gen.OneOfConst(-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0);

    /// <summary>Mostly short constants, sometimes an arbitrary double (to exercise round-trip printing).</summary>
    public static readonly Gen<double> AnyConstants = Gen.Frequency((3, ExactConstants), (1, Gen.Double[-3.0, 3.0]));

    /// <summary>Small integer and half-integer exponents.</summary>
    public static readonly Gen<double> Exponents = Gen.OneOfConst(-2.0, -1.0, -0.5, 0.5, 1.5, 2.0, 3.0);

    /// <summary>
    /// The functions smooth on all of ℝ. |x|, sign x and ∛x are left out: their kinks, jumps and cusps are
    /// exactly where differences and derivatives disagree. So are acosh, atanh, arcsin and arccos, NaN on most
    /// of the line; their own tests sample inside their domains.
    /// </summary>
    public static readonly Gen<MathFunction> Functions = Gen.OneOfConst(
        Enum.GetValues<MathFunction>().Where(f => FunctionCatalogue.Of(f) is { IsSmooth: true, DomainLow: double.NegativeInfinity, DomainHigh: double.PositiveInfinity }).ToArray());

    /// <summary>Coordinates mostly positive (where logarithms and square roots are real), sometimes negative.</summary>
    public static readonly Gen<double> Coordinates = Gen.Frequency((3, Gen.Double[0.1, 2.5]), (1, Gen.Double[-2.5, -0.1]));

    public static readonly Gen<Point> Points = Gen.Select(Coordinates, Coordinates, Coordinates, (x, y, z) => new Point(x, y, z));

    /// <summary>Random trees over x, y, z of depth at most <paramref name="maxDepth"/>.</summary>
    public static Gen<Term> Terms(Gen<double> constants, int maxDepth = 4) => Gen.Recursive<Term>((depth, self) =>
    {
        var leaf = Gen.Frequency(
            (1, constants.Select(c => (Term)new Term.Number(c))),
            (2, Gen.OneOfConst(Variables).Select(n => (Term)new Term.Symbol(n))));
        if (depth >= maxDepth) return leaf;
        return Gen.Frequency(
            (5, leaf),
            (2, Gen.Select(self, self, (a, b) => (Term)new Term.Plus(a, b))),
            (1, Gen.Select(self, self, (a, b) => (Term)new Term.Minus(a, b))),
            (2, Gen.Select(self, self, (a, b) => (Term)new Term.Times(a, b))),
            (1, Gen.Select(self, self, (a, b) => (Term)new Term.Divide(a, b))),
            (1, self.Select(a => (Term)new Term.Negate(a))),
            (2, Gen.Select(self, Exponents, (a, p) => (Term)new Term.Power(a, p))),
            (1, Gen.Select(self, self, (a, b) => (Term)new Term.VariablePower(a, b))),
            (2, Gen.Select(Functions, self, (f, a) => (Term)new Term.Call(f, a))));
    });
}
