using System;
using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    public sealed partial class LoopScheduler
    {
        /// <summary>One remembering substitution per index: keys of nested subexpressions share their rewritten parts.</summary>
        private readonly Dictionary<IndexSymbol, Func<Expr, Expr>> _toPlaceholder = new Dictionary<IndexSymbol, Func<Expr, Expr>>();

        /// <summary><paramref name="e"/> with <paramref name="index"/> replaced by the placeholder of its range.</summary>
        private Expr ToPlaceholder(Expr e, IndexSymbol index)
        {
            if (!_toPlaceholder.TryGetValue(index, out var substitute))
                _toPlaceholder[index] = substitute = IndexSubstitution.Remembering(index, Affine.Of(new IndexSymbol(Placeholder, index.Range)));
            return substitute(e);
        }
    }
}
