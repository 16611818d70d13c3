namespace SgdDsl.Symbolics
{
    /// <summary>How deeply a loss may nest, in C# (the generator) and as infix text (<see cref="InfixParser"/>): one limit for both.</summary>
    public static class Nesting
    {
        /// <summary>
        /// The most levels of parentheses, calls and powers (in C#, also operators of different kinds) one expression may
        /// nest. Parsing, simplification, differentiation, printing and emission all recurse along the nesting, several
        /// frames a level; 200 levels keep that well inside a 1 MB thread stack (the compiler's and the thread pool's),
        /// and far beyond any real loss. Flat runs such as a + b + c or a*b*c are one level, however long, and locals
        /// start a new count.
        /// </summary>
        public const int MaxDepth = 200;
    }
}
