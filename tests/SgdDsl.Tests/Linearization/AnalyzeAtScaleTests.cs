using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Linearization;

/// <summary>
/// Issue 12 §2: <see cref="Stability.Analyze"/>'s fast path (squared-residual form, Gram normal space) at d = 20,000,
/// where a d×d matrix of doubles is 3.2 GB: the whole analysis allocates far less, and its mean spectrum is the
/// Gram eigenvalues over N, the same as the dense eigen-decomposition of the restricted mean Hessian.
/// </summary>
public class AnalyzeAtScaleTests
{
    [Fact]
    public void Analysis_at_d_20000_by_the_residual_form_never_forms_a_d_by_d_matrix()
    {
        // N = 20 keeps r ≤ 24, where the exponents' bounds are cheap dense r²×r² computations (independent of d).
        const int n = 20;
        var model = WideTanhNet.Model;
        var (data, teacher, _) = TeacherStudent.Build(model, WideTanhNet.D, n, seed: 17);
        var options = new StabilityOptions { LearningRate = 1e-3, BatchSize = 4, Steps = 4_000, Transient = 400, MaxSteps = 0, MaxDegreeOfParallelism = 2 };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = Stability.Analyze(model, data, teacher, options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(report.FromSquaredResidual);
        Assert.Equal(n, report.NormalDimension);
        Assert.Equal(1, report.OutputCount);
        Assert.Equal(1, report.LargestSampleRank);
        // J is N·d doubles = 3.2 MB; r×r matrices 3 kB.
        Assert.True(allocated < 200_000_000, $"allocated {allocated / 1e6:F0} MB");
        var lin = Stability.Linearize(model, data, teacher, options);
        var dense = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(lin.MeanHessian)
            .Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();
        Assert.Equal(dense, report.MeanHessianSpectrumOnNormalSpace, (a, b) => Math.Abs(a - b) <= 1e-10 * dense[^1]);
    }
}
