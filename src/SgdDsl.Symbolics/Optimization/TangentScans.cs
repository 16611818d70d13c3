using System.Collections.Generic;
using System.Linq;

namespace SgdDsl.Symbolics
{
    /// <summary>
    /// T[p] = Σ_q c(q)·Π_{k ∉ {p, q}} f(k) for every p at once: the directional derivative of the exclusive product
    /// Π_{k ≠ p} f(k) along c (what an H·v of Π_k w_k asks for), which a loop per (p, q) computes in O(L³). With the
    /// prefix P[m] = Π_{k &lt; m} f(k), its tangent dP[m] = Σ_{q &lt; m} c(q)·Π_{k &lt; m, k ≠ q} f(k) (running as
    /// dP ← dP·f(m) + P·c(m)) and the same from the right (S, dS), T[p] = dP[p]·S[p] + P[p]·dS[p] + c(p)·P[p]·S[p]
    /// (the last term is q = p, whose exclusions are {p} alone): O(L), no division, exact at zero factors.
    /// </summary>
    public sealed partial class LoopScheduler
    {
        /// <summary>The four tables of each tangent-scanned sum, by its key.</summary>
        private readonly Dictionary<Expr, (Table Prefix, Table TangentPrefix, Table Suffix, Table TangentSuffix)> _scanTables =
            new Dictionary<Expr, (Table, Table, Table, Table)>();

        /// <summary>The sum as tangent scans when it has the form above, in the scope binding p; null otherwise.</summary>
        private Operand? TangentScanned(IndexedSum s, Scope use)
        {
            if (!(TangentForm(s) is var (p, c, f, k))) return null;
            var home = Home(s, use);
            var key = Key(s)!;
            var root = use.Root;
            if (!_scanTables.TryGetValue(key, out var tables))
            {
                var last = Affine.Of(p.Range - 1) - Affine.Of(p);
                var (prefix, tangentPrefix) = TangentScan(root, p, IndexSubstitution.Substitute(f, k, Affine.Of(p)), IndexSubstitution.Substitute(c, s.Bound, Affine.Of(p)), "prefix");
                var (suffix, tangentSuffix) = TangentScan(root, p, IndexSubstitution.Substitute(f, k, last), IndexSubstitution.Substitute(c, s.Bound, last), "suffix");
                _scanTables[key] = tables = (prefix, tangentPrefix, suffix, tangentSuffix);
            }

            var (pre, dPre, suf, dSuf) = tables;
            var at = Reference(Text(IndexSubstitution.Substitute(c, s.Bound, Affine.Of(p)), home), home);
            var (vp, vdp, vs, vds, vc) = (HeldName("P"), HeldName("dP"), HeldName("S"), HeldName("dS"), HeldName("c"));
            var held = new Dictionary<Expr, Reference>
            {
                [vp] = new TableEntry(pre, p),
                [vdp] = new TableEntry(dPre, p),
                [vs] = new ReversedTableEntry(suf, p),
                [vds] = new ReversedTableEntry(dSuf, p),
                [vc] = at,
            };
            var value = new Intermediate(_temporaries++);
            home.Statements.Add(new Let(value, new Formula(vdp * vs + vp * vds + vc * vp * vs, held)));
            home.Names[s] = value;
            return value;
        }

        /// <summary>(p, c, f, k) when <paramref name="s"/> = Σ_q c(q)·Π_{k ∉ {p, q}} f(k) with c a function of q, f of k, all of one range.</summary>
        private static (IndexSymbol P, Expr C, Expr F, IndexSymbol K)? TangentForm(IndexedSum s)
        {
            var q = s.Bound;
            if (s.FreeIndices.Count != 1) return null;
            var p = s.FreeIndices[0];
            if (p.Range != q.Range) return null;
            var factors = s.Body is Product product ? product.Factors : new[] { s.Body };
            var products = factors.OfType<IndexedProduct>().Where(x => x.DependsOn(q)).ToList();
            if (products.Count != 1) return null;
            var x = products[0];
            if (x.Bound.Range != q.Range || !ExclusiveProduct.TryParse(x.Bound, x.Body, out var f, out var excluded) || excluded.Count != 2) return null;
            if (!excluded.Contains(Affine.Of(p)) || !excluded.Contains(Affine.Of(q))) return null;
            if (!f.FreeIndices.All(i => i.Equals(x.Bound))) return null;
            var c = Expr.Multiply(factors.Where(e => !ReferenceEquals(e, x)).ToArray()) * (s.Body is Product pr ? pr.Coefficient : 1.0);
            return c.FreeIndices.All(i => i.Equals(q)) ? (p, c, f, x.Bound) : ((IndexSymbol, Expr, Expr, IndexSymbol)?)null;
        }

        /// <summary>
        /// Two tables over m filled in one loop at the method body: P[m] = Π_{k &lt; m} value(k) and its tangent dP[m] along
        /// direction(k), each stored before the factor of m joins it.
        /// </summary>
        private (Table Product, Table Tangent) TangentScan(Scope root, IndexSymbol m, Expr value, Expr direction, string role)
        {
            var fill = new Scope(root, m);
            var product = new Accumulator(new Intermediate(_temporaries++), AccumulatorKind.Product);
            var tangent = new Accumulator(new Intermediate(_temporaries++), AccumulatorKind.Sum);
            var (products, tangents) = (new Table(_temporaries++, m.Range, role), new Table(_temporaries++, m.Range, "d" + role));
            var f = Reference(Text(value, fill), fill);
            var c = Reference(Text(direction, fill), fill);
            fill.Statements.Add(new TableStore(products, m, product.Target));
            fill.Statements.Add(new TableStore(tangents, m, tangent.Target));
            // dP ← dP·f + P·c, as dP += dP·(f − 1) + P·c (an accumulator only adds); then P ← P·f.
            var (vf, vc, vp, vdp) = (HeldName("f"), HeldName("c"), HeldName("P"), HeldName("dP"));
            var held = new Dictionary<Expr, Reference> { [vf] = f, [vc] = c, [vp] = product.Target, [vdp] = tangent.Target };
            fill.Statements.Add(new Accumulate(tangent, new Formula(vdp * (vf - Expr.One) + vp * vc, held)));
            fill.Statements.Add(new Accumulate(product, f));
            root.Statements.Add(new Loop(m, new List<Table> { products, tangents }, new[] { product, tangent }, fill.Statements));
            _tables.Add(products);
            _tables.Add(tangents);
            return (products, tangents);
        }

        /// <summary>The operand as a reference, through a let in <paramref name="scope"/> when it is not one already.</summary>
        private Reference Reference(Operand operand, Scope scope)
        {
            if (operand is Reference reference) return reference;
            var value = new Intermediate(_temporaries++);
            scope.Statements.Add(new Let(value, operand));
            return value;
        }

        /// <summary>A fresh variable standing for a held value inside one formula.</summary>
        private Variable HeldName(string name) => (Variable)Expr.Var("$scan" + _temporaries++ + ":" + name);
    }
}
