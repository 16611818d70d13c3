using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SgdDsl.Symbolics;

namespace SgdDsl.Generators.Diagnostics
{
    /// <summary>Every diagnostic the generator reports, with stable ids (tracked in AnalyzerReleases.*.md).</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "SgdDsl";

        /// <summary>The constructs a loss may use, quoted in the unsupported-syntax message; the functions come from <see cref="FunctionCatalogue"/>.</summary>
        public static readonly string Supported =
            "numeric literals, const fields, + - * /, unary minus, parentheses, locals, subscripts such as W[j, k + 1], " +
            "Math." + Names(FunctionScope.Math, smooth: true, "/") + " (or double.*), and the Dsl helpers " +
            Names(FunctionScope.Dsl, smooth: true, ", ") + ", Sum, Prod, Dot, SumOfSquares " +
            "(with a warning: Math." + Names(FunctionScope.Math, smooth: false, "/") + " and the Dsl helpers " + Names(FunctionScope.Dsl, smooth: false, ", ") + ")";

        /// <summary>The distinct names of the catalogue's spellings in <paramref name="scope"/>, in catalogue order.</summary>
        private static string Names(FunctionScope scope, bool smooth, string separator) =>
            string.Join(separator, FunctionCatalogue.Spellings
                .Where(f => (f.Scope & scope) != 0 && f.IsSmooth == smooth)
                .Select(f => f.Name)
                .Distinct());

        public static readonly DiagnosticDescriptor UnsupportedSyntax = Error(
            "SGD0001", "Unsupported construct in a loss",
            "'{0}' is not supported in a loss: {1}. A loss may use " + Supported + ".");

        public static readonly DiagnosticDescriptor ModelNotPartial = Error(
            "SGD0002", "[SgdModel] type must be partial",
            "'{0}' must be declared partial (and so must every type containing it) so that SgdDsl can add its derivatives");

        public static readonly DiagnosticDescriptor MissingLoss = Error(
            "SGD0003", "[SgdModel] type has no [Loss] method",
            "'{0}' has no [Loss] method; declare one 'static double Loss([Param] double w, double x, ...)'");

        public static readonly DiagnosticDescriptor DuplicateLoss = Error(
            "SGD0004", "More than one [Loss] method",
            "'{0}' has more than one [Loss] method; a model has exactly one per-sample loss");

        public static readonly DiagnosticDescriptor InvalidLossSignature = Error(
            "SGD0005", "[Loss] method must be static and return double",
            "[Loss] method '{0}' must be static and return double");

        public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
            "SGD0006", "Unsupported loss parameter type",
            "Parameter '{0}' of type '{1}' is not supported: {2}");

        public static readonly DiagnosticDescriptor InvalidLossBody = Error(
            "SGD0007", "Unsupported loss body",
            "The body of '{0}' must be an expression body, or local declarations followed by one return statement: {1}");

        public static readonly DiagnosticDescriptor NoParameters = Error(
            "SGD0008", "Loss has no [Param] parameter",
            "'{0}' has no [Param] parameter; mark the trained parameters with [Param]");

        public static readonly DiagnosticDescriptor GenericModel = Error(
            "SGD0009", "[SgdModel] type must not be generic",
            "'{0}' is generic; SgdDsl models are plain (non-generic) classes");

        public static readonly DiagnosticDescriptor InternalError = Error(
            "SGD0010", "SgdDsl could not process a model",
            "SgdDsl could not process '{0}': {1}. Please report this with the loss that caused it");

        public static readonly DiagnosticDescriptor SubscriptOutOfRange = Error(
            "SGD0011", "Subscript out of range",
            "Subscript '{0}' of '{1}' takes values {2}…{3}, outside 0…{4}");

        public static readonly DiagnosticDescriptor ShapeMismatch = Error(
            "SGD0012", "Shape mismatch",
            "{0}");

        public static readonly DiagnosticDescriptor IndexOutsideSubscript = Error(
            "SGD0013", "Index used outside a subscript",
            "Index '{0}' of a Sum or Prod may only be used in subscripts such as x[{0}] or W[{0} + 1, k]");

        public static readonly DiagnosticDescriptor NotTwiceDifferentiable = Warning(
            "SGD0014", "Function not twice differentiable everywhere",
            "'{0}' is not twice differentiable everywhere: the Hessian is undefined where it has a kink, a jump or an infinite slope, and the stability theory assumes ℓ is C²");

        public static readonly DiagnosticDescriptor MaybeNegative = Warning(
            "SGD0015", "Loss not shown to be non-negative",
            "The loss of '{0}' cannot be shown to be non-negative; the theory needs ℓ_i ≥ 0 with zero minima (use squares, even powers, Exp, Softplus, or sums and products of such terms)");

        public static readonly DiagnosticDescriptor UnusedParameter = Warning(
            "SGD0016", "Parameter not used by the loss",
            "[Param] '{0}' is never used by the loss: its directions are always tangent to the minimum manifold; remove it or use it");

        public static readonly DiagnosticDescriptor NotSquaredResidual = new DiagnosticDescriptor(
            "SGD0017", "Loss not in squared-residual form",
            "The loss of '{0}' is not of the form c·(f − y)², c·Σ_k (f_k − y[k])² or φ(f − y) with φ(0) = φ'(0) = 0 < φ''(0), so the runtime's residual fast path is off", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor BadExpectation = Error(
            "SGD0018", "Expected derivative cannot be read",
            "The expected {0} cannot be checked: {1}");

        public static readonly DiagnosticDescriptor DerivativeMismatch = Error(
            "SGD0019", "Derivative differs from the expected formula",
            "{0} is {1}, not the expected {2}");

        public static readonly DiagnosticDescriptor ReservedMemberName = Error(
            "SGD0020", "Member named like a generated member",
            "'{0}' has a name SgdDsl generates in every model; rename it (reserved: {1})");

        public static readonly DiagnosticDescriptor ReservedModelName = Error(
            "SGD0021", "Model type named like a generated member",
            "The model '{0}' has the name of a member SgdDsl generates in it, and a C# member cannot be named like its type; rename the type (reserved: {1})");

        public static readonly DiagnosticDescriptor NonFiniteConstant = Error(
            "SGD0022", "Constant is not a finite number",
            "'{0}' has a constant that is {1}, not a finite number; every constant in a loss must be finite");

        public static readonly DiagnosticDescriptor FileLocalModel = Error(
            "SGD0023", "[SgdModel] type must not be file-local",
            "'{0}' is a 'file' type, but SgdDsl adds the model's members in a file of its own, where it would be another type; declare it internal instead");

        private static readonly Dictionary<string, DiagnosticDescriptor> All =
            new[] { UnsupportedSyntax, ModelNotPartial, MissingLoss, DuplicateLoss, InvalidLossSignature, UnsupportedParameterType, InvalidLossBody, NoParameters, GenericModel, InternalError, SubscriptOutOfRange, ShapeMismatch, IndexOutsideSubscript,
                NotTwiceDifferentiable, MaybeNegative, UnusedParameter, NotSquaredResidual, BadExpectation, DerivativeMismatch,
                ReservedMemberName, ReservedModelName, NonFiniteConstant, FileLocalModel }
                .ToDictionary(d => d.Id);

        public static DiagnosticDescriptor ById(string id) => All[id];

        public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> AllDescriptors { get; } =
            System.Collections.Immutable.ImmutableArray.CreateRange(All.Values.OrderBy(d => d.Id));

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Whether a diagnostic with this id stops code generation.</summary>
        public static bool IsError(string id) => ById(id).DefaultSeverity == DiagnosticSeverity.Error;

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
