using System.Collections.Generic;

namespace SgdDsl.Symbolics
{
    /// <summary>The leaves expressions read: their scalar variables and their arrays, by name.</summary>
    public static class LeafNames
    {
        /// <summary>The names of the scalar variables and of the arrays (of their <see cref="Element"/>s) the roots read.</summary>
        public static (HashSet<string> Variables, HashSet<string> Arrays) Of(IEnumerable<Expr> roots)
        {
            var variables = new HashSet<string>();
            var arrays = new HashSet<string>();
            var seen = new HashSet<Expr>();
            var stack = new Stack<Expr>(roots);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (!seen.Add(e)) continue;
                if (e is Variable v) variables.Add(v.Name);
                if (e is Element el) arrays.Add(el.Array);
                foreach (var child in e.Children) stack.Push(child);
            }

            return (variables, arrays);
        }

        /// <summary>Every name <paramref name="e"/> reads, scalar or array.</summary>
        public static HashSet<string> All(Expr e)
        {
            var (variables, arrays) = Of(new[] { e });
            variables.UnionWith(arrays);
            return variables;
        }
    }
}
