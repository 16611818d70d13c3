using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// What counts as one shared subexpression, for <see cref="LoopScheduler"/> (the one common-subexpression
    /// elimination: structurally equal canonical subtrees are one key, named once where their indices are bound) and
    /// for the printers that read its programs: the forms printers actually compute.
    /// </summary>
    internal static class CommonSubexpressions
    {
        /// <summary>
        /// Printers write b^(−e) as a quotient by b^e, so b^e is what gets computed and what is worth
        /// sharing; the reciprocal itself never appears in the code.
        /// </summary>
        internal static Expr AsPrinted(Expr e) =>
            e is Power { ConstantExponent: < 0 } p ? Expr.Pow(p.Base, Expr.Const(-p.ConstantExponent!.Value)) : e;

        /// <summary>
        /// The children as printers write them: a sum writes a later negative term −m as " - m", so m,
        /// not −m, is what gets computed and what is worth sharing.
        /// </summary>
        internal static IReadOnlyList<Expr> PrintedChildren(Expr e)
        {
            if (!(e is Sum s)) return e.Children;
            var terms = new Expr[s.Terms.Count];
            for (var i = 0; i < terms.Length; i++) terms[i] = ExprPrinter.IsWrittenNegated(s, i) ? -s.Terms[i] : s.Terms[i];
            return terms;
        }

        internal static bool IsCompound(Expr e) => !(e is Constant || e is Variable || e is Element || e is Delta);
    }
}
