using SgdDsl.Linearizing;
using SgdDsl.Models;
using SgdDsl.Numerics;

namespace SgdDsl.Analysis;

/// <summary>
/// Levenberg–Marquardt on the residuals r_ik = f_ik − y_ik of a squared-residual form: with J the N·K × d output
/// Jacobian the step minimizing ‖r + J p‖² + damping·‖p‖² is p = −Jᵀ (J Jᵀ + damping·I)⁻¹ r, an N·K × N·K
/// Cholesky solve; it lies in the row space of J, so as damping → 0 it is the minimum-norm Gauss–Newton step −J⁺ r
/// and a point near the manifold moves orthogonally onto it (polished, not replaced). When d &lt; N·K the same step
/// is (JᵀJ + damping·I)⁻¹ Jᵀ r, a d × d solve, the smaller of the two. Gauss–Newton models ℓ by c·r², exact for the
/// squared form and second-order accurate at r = 0 for φ(r) forms; the driver accepts steps on the true L either way.
/// Memory: J (N·K·d doubles) and the Gram matrix, never d × d unless d &lt; N·K.
/// </summary>
internal sealed class GaussNewtonStep : IDampedStep
{
    private const int ColumnChunk = 2048;

    private readonly SquaredResidualForm form;
    private readonly Dataset data;
    private readonly ParallelOptions parallel;
    private readonly int d;
    private readonly int outputs;
    private readonly bool dual;
    private readonly int size;
    private readonly RowMatrix jacobian;
    private readonly RowMatrix transposed;
    private readonly double[] residual;
    private readonly double[] gram;
    private readonly double[] factor;
    private readonly double[] rhs;
    private readonly double[] solution;
    private readonly double[] move;
    private readonly bool[] finite;
    // The model's matrix blocks when J's rows may be outer products on them (dense layers): then J Jᵀ costs far less.
    private readonly FactoredRows.MatrixBlock[]? plan;

    public GaussNewtonStep(SquaredResidualForm form, MeanLoss loss)
    {
        this.form = form;
        data = loss.Data;
        parallel = loss.Parallelism;
        d = loss.Dimension;
        outputs = form.OutputCount;
        var rows = data.Count * outputs;
        dual = rows <= d;
        size = dual ? rows : d;
        jacobian = RowMatrix.Allocate(data.Count, outputs, d);
        transposed = dual ? default : RowMatrix.Allocate(d, 1, rows);
        residual = new double[rows];
        gram = new double[size * size];
        factor = new double[size * size];
        rhs = new double[size];
        solution = new double[size];
        move = dual ? new double[d] : [];
        finite = new bool[data.Count];
        plan = FactoredRows.Plan(ParameterBlock.Of(loss.Model.ParameterNames), d);
    }

    /// <summary>True when the step is solved in the N·K-dimensional residual space (N·K ≤ d).</summary>
    public bool Dual => dual;

    public double Prepare(ReadOnlySpan<double> theta)
    {
        var point = theta.ToArray();
        Parallel.For(0, data.Count, parallel, () => new double[outputs], (i, _, values) =>
        {
            var sample = data[i];
            var rows = jacobian.Array(i);
            form.Outputs(point, sample, values);
            form.OutputJacobian(point, sample, rows);
            var ok = true;
            for (var c = 0; c < outputs; c++)
            {
                var r = values[c] - sample[form.TargetIndices[c]];
                residual[i * outputs + c] = r;
                ok &= double.IsFinite(r);
            }
            foreach (var x in rows)
                ok &= double.IsFinite(x);
            finite[i] = ok;
            return values;
        }, _ => { });
        if (Array.IndexOf(finite, false) >= 0)
            return double.NaN;

        if (dual)
        {
            // By the rows' outer-product factors when they have them (N²K²·(m + n)/2 instead of N²K²·d/2 multiply-adds).
            if (plan is not null && FactoredRows.TryCreate(jacobian, plan, parallel.MaxDegreeOfParallelism) is { } factored)
                factored.Gram(gram, parallel.MaxDegreeOfParallelism);
            else
                GramMatrix.Compute(jacobian, gram, parallel.MaxDegreeOfParallelism);
        }
        else
        {
            Transpose();
            GramMatrix.Compute(transposed, gram, parallel.MaxDegreeOfParallelism);
            for (var j = 0; j < d; j++)
                rhs[j] = VectorKernels.Dot(transposed.Row(j), residual);
        }
        var scale = 0.0;
        for (var a = 0; a < size; a++)
            scale = Math.Max(scale, gram[a * size + a]);
        return scale;
    }

    public bool Step(double damping, Span<double> step)
    {
        Array.Copy(gram, factor, gram.Length);
        for (var a = 0; a < size; a++)
            factor[a * size + a] += damping;
        if (!Cholesky.Factor(factor, size, parallel.MaxDegreeOfParallelism))
            return false;
        Array.Copy(dual ? residual : rhs, solution, size);
        Cholesky.Solve(factor, size, solution);
        if (!dual)
        {
            for (var k = 0; k < d; k++)
                step[k] = -solution[k];
            return true;
        }
        // p = −Jᵀ z by column chunks, each summing the rows in order: the same for every thread count.
        var chunks = (d + ColumnChunk - 1) / ColumnChunk;
        Array.Clear(move);
        Parallel.For(0, chunks, parallel, c =>
        {
            var start = c * ColumnChunk;
            var length = Math.Min(ColumnChunk, d - start);
            var target = move.AsSpan(start, length);
            for (var r = 0; r < jacobian.Rows; r++)
                VectorKernels.AddScaled(-solution[r], jacobian.Row(r).Slice(start, length), target);
        });
        move.CopyTo(step);
        return true;
    }

    /// <summary>Jᵀ as d rows of length N·K, in column chunks so each thread writes its own rows.</summary>
    private void Transpose()
    {
        var chunks = (d + ColumnChunk - 1) / ColumnChunk;
        Parallel.For(0, chunks, parallel, c =>
        {
            var end = Math.Min(d, (c + 1) * ColumnChunk);
            for (var r = 0; r < jacobian.Rows; r++)
            {
                var row = jacobian.Row(r);
                for (var j = c * ColumnChunk; j < end; j++)
                    transposed.Row(j)[r] = row[j];
            }
        });
    }
}
