using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Analysis;

/// <summary>
/// Issue 12 §3: Gauss–Newton through the output Jacobian (minimum-norm steps), Newton–CG with Hessian–vector products,
/// against the dense damped Newton at small d, and no d×d matrix at d = 20,000.
/// </summary>
public class MinimizeAtScaleTests
{
    private static readonly double[] X = [0.5, 1.0, 2.0];

    private static double Distance(double[] p, double[] q) => Math.Sqrt(p.Zip(q, (a, b) => (a - b) * (a - b)).Sum());

    /// <summary>
    /// ‖(I − QQᵀ)(start − x)‖ / ‖start − x‖ with Q a basis of N at x: 0 for a move exactly along the normal space, the
    /// mark of the nearest manifold point.
    /// </summary>
    private static double TangentialFraction(ILossModel model, Dataset data, double[] start, MinimizeResult result)
    {
        var q = Stability.Linearize(model, data, result.Point).NormalBasis;
        var delta = start.Zip(result.Point, (s, x) => s - x).ToArray();
        var tangential = (double[])delta.Clone();
        for (var j = 0; j < q.GetLength(1); j++)
        {
            var c = Enumerable.Range(0, delta.Length).Sum(k => q[k, j] * delta[k]);
            for (var k = 0; k < delta.Length; k++)
                tangential[k] -= c * q[k, j];
        }
        return Math.Sqrt(tangential.Sum(t => t * t)) / Math.Sqrt(delta.Sum(t => t * t));
    }

    [Fact]
    public void Residual_form_chooses_gauss_newton_and_other_losses_dense_or_newton_cg_by_dimension()
    {
        var data = ProductModel.OnLine(1.0, X);
        Assert.Equal(MinimizeMethod.GaussNewton, Stability.Minimize(new ProductModel(squaredResidual: true), data, [1.3, 0.9]).Method);
        Assert.Equal(MinimizeMethod.Dense, Stability.Minimize(new ProductModel(), data, [1.3, 0.9]).Method);
        var (teacherData, _, start) = TeacherStudent.Build(MediumTanhNet.Model, MediumTanhNet.D, 20, seed: 3);
        Assert.Equal(MinimizeMethod.NewtonCg, Stability.Minimize(new WithoutResidualForm(MediumTanhNet.Model), teacherData, start).Method);
    }

    [Fact]
    public void Gauss_newton_moves_the_orthogonal_distance_onto_the_hyperbola()
    {
        // From p = (2, ½) on ab = 1 go ε along the unit normal n = (b, a)/‖(b, a)‖: for ε below the radius of curvature
        // the nearest manifold point is p and the distance is ε. Minimum-norm steps land within O(ε²) of p, tangentially,
        // so the distance moved is ε(1 + O(ε²)).
        const double epsilon = 1e-3;
        var (a, b) = (2.0, 0.5);
        var norm = Math.Sqrt(a * a + b * b);
        double[] start = [a + epsilon * b / norm, b + epsilon * a / norm];
        var result = Stability.Minimize(new ProductModel(squaredResidual: true), ProductModel.OnLine(1.0, X), start);

        Assert.True(result.Converged);
        Assert.Equal(MinimizeMethod.GaussNewton, result.Method);
        Assert.True(Math.Abs(result.Point[0] * result.Point[1] - 1.0) <= 1e-12);
        Assert.True(Math.Abs(result.DistanceMoved - epsilon) <= 10 * epsilon * epsilon * epsilon, $"moved {result.DistanceMoved:R}, ε = {epsilon}");
        Assert.True(Distance(result.Point, [a, b]) <= 10 * epsilon * epsilon, $"‖x − p‖ = {Distance(result.Point, [a, b]):G3}");
        // The first-order formula |ab − c| / ‖(b, a)‖ at the start agrees to O(ε²).
        var firstOrder = Math.Abs(start[0] * start[1] - 1.0) / Math.Sqrt(start[0] * start[0] + start[1] * start[1]);
        Assert.Equal(firstOrder, result.DistanceMoved, 10 * epsilon * epsilon);
    }

    [Fact]
    public void Gauss_newton_and_dense_reach_the_same_point_of_the_hyperbola()
    {
        var data = ProductModel.OnLine(1.0, X);
        double[] start = [1.02, 0.99];
        var gaussNewton = Stability.Minimize(new ProductModel(squaredResidual: true), data, start);
        var dense = Stability.Minimize(new ProductModel(), data, start);

        Assert.True(gaussNewton.Converged && dense.Converged);
        Assert.Equal(MinimizeMethod.Dense, dense.Method);
        Assert.True(gaussNewton.Loss <= 1e-24);
        // Both cross the manifold near the foot of the normal; they differ by O(‖start − x*‖²) along it.
        // Both cross the manifold near the foot of the normal and differ along it by O(offset) relative (2% here);
        // Gauss–Newton, the minimum-norm step, moves within O(offset²) of the distance to the hyperbola.
        Assert.True(Distance(gaussNewton.Point, dense.Point) <= 0.05 * gaussNewton.DistanceMoved,
            $"GN {string.Join(", ", gaussNewton.Point)} vs dense {string.Join(", ", dense.Point)}");
        var nearest = NearestOnHyperbola(start);
        Assert.True(gaussNewton.DistanceMoved <= nearest * (1 + 1e-4), $"GN moved {gaussNewton.DistanceMoved:R}, nearest {nearest:R}");
        Assert.True(gaussNewton.DistanceMoved <= dense.DistanceMoved);
    }

    /// <summary>min over a of ‖(a, 1/a) − start‖, by golden-section search near the start (the distance is unimodal there).</summary>
    private static double NearestOnHyperbola(double[] start)
    {
        double F(double a) => Math.Sqrt(Math.Pow(a - start[0], 2) + Math.Pow(1 / a - start[1], 2));
        var (lo, hi) = (0.5 * start[0], 2 * start[0]);
        var g = (Math.Sqrt(5) - 1) / 2;
        for (var it = 0; it < 200; it++)
        {
            var (p, q) = (hi - g * (hi - lo), lo + g * (hi - lo));
            if (F(p) < F(q)) hi = q; else lo = p;
        }
        return F(0.5 * (lo + hi));
    }

    [Fact]
    public void Vector_outputs_land_on_the_orthogonal_projection_of_the_start()
    {
        // Linear K = 2 outputs, N = 2 samples, d = 5: M = {θ : X θ = 0} (X the 4×5 stacked features), and the
        // minimum-norm Gauss–Newton move is the orthogonal projection θ₀ − X⁺ X θ₀, computed here by normal equations.
        double[][] features = [[1, 0, 2, 0, 1, 0, 1, 0, 0, 3], [0, 1, 1, 1, 0, 2, 0, 0, 1, 1]];
        const int d = 5, k = 2;
        var data = MultiOutputLinearModel.WithFeatures(k, features);
        double[] start = [0.3, -0.2, 0.1, 0.4, -0.5];
        var result = Stability.Minimize(new MultiOutputLinearModel(d, k, squaredResidual: true), data, start);

        var rows = features.SelectMany(f => Enumerable.Range(0, k).Select(c => f.Skip(c * d).Take(d).ToArray())).ToArray();
        var gram = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(rows.Length, rows.Length, (i, j) => rows[i].Zip(rows[j], (p, q) => p * q).Sum());
        var z = gram.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(rows.Select(r => r.Zip(start, (p, q) => p * q).Sum())));
        var projection = start.Select((s, j) => s - rows.Select((r, i) => r[j] * z[i]).Sum()).ToArray();

        Assert.True(result.Converged);
        Assert.Equal(MinimizeMethod.GaussNewton, result.Method);
        Assert.True(Distance(result.Point, projection) <= 1e-12, $"‖x − projection‖ = {Distance(result.Point, projection):G3}");
    }

    [Fact]
    public void Tanh_teacher_student_from_one_percent_off_agrees_with_dense()
    {
        var (data, teacher, start) = TeacherStudent.Build(SmallTanhNet.Model, SmallTanhNet.D, 12, seed: 7);
        var gaussNewton = Stability.Minimize(SmallTanhNet.Model, data, start);
        var dense = Stability.Minimize(new WithoutResidualForm(SmallTanhNet.Model), data, start);

        Assert.Equal(MinimizeMethod.GaussNewton, gaussNewton.Method);
        Assert.True(gaussNewton.Converged, $"L = {gaussNewton.Loss:G3} after {gaussNewton.Iterations}");
        Assert.True(dense.Converged, $"dense L = {dense.Loss:G3} after {dense.Iterations}");
        Assert.True(gaussNewton.Loss <= 1e-24);
        Assert.InRange(gaussNewton.Iterations, 1, 20);
        // The teacher is on the manifold, so the nearest manifold point is no farther than it.
        Assert.True(gaussNewton.DistanceMoved <= Distance(start, teacher));
        var (gnFraction, denseFraction) = (TangentialFraction(SmallTanhNet.Model, data, start, gaussNewton), TangentialFraction(SmallTanhNet.Model, data, start, dense));
        // Gauss–Newton moves along N to O(offset); the dense Hessian's residual curvature turns its path along the
        // manifold (about 17% of the move here): both land in the same neighbourhood, Gauss–Newton nearer the start.
        Assert.True(gnFraction <= 0.02, $"tangential part of the Gauss–Newton move {gnFraction:G3}");
        Assert.True(gnFraction < denseFraction);
        Assert.True(gaussNewton.DistanceMoved <= dense.DistanceMoved);
        Assert.True(Distance(gaussNewton.Point, dense.Point) <= 0.25 * gaussNewton.DistanceMoved,
            $"‖GN − dense‖ = {Distance(gaussNewton.Point, dense.Point):G3}, moved {gaussNewton.DistanceMoved:G3}, dense moved {dense.DistanceMoved:G3}");
        var report = Stability.Analyze(SmallTanhNet.Model, data, gaussNewton.Point, new StabilityOptions { LearningRate = 0.01 });
        Assert.Equal(12, report.NormalDimension);
    }

    [Fact]
    public void Log_cosh_residual_converges_with_steps_judged_on_the_true_loss()
    {
        var (data, teacher, start) = TeacherStudent.Build(LogCoshTanhNet.Model, LogCoshTanhNet.D, 12, seed: 11, offset: 0.1);
        Assert.NotNull(LogCoshTanhNet.Model.SquaredResidual);
        var result = Stability.Minimize(LogCoshTanhNet.Model, data, start);

        Assert.Equal(MinimizeMethod.GaussNewton, result.Method);
        Assert.True(result.Converged, $"L = {result.Loss:G3} after {result.Iterations}");
        Assert.True(result.DistanceMoved <= Distance(start, teacher));
    }

    [Fact]
    public void Newton_cg_reaches_the_manifold_without_a_residual_form()
    {
        var (data, teacher, start) = TeacherStudent.Build(MediumTanhNet.Model, MediumTanhNet.D, 20, seed: 5);
        var model = new WithoutResidualForm(MediumTanhNet.Model);
        var newtonCg = Stability.Minimize(model, data, start);
        var gaussNewton = Stability.Minimize(MediumTanhNet.Model, data, start);

        Assert.Equal(MinimizeMethod.NewtonCg, newtonCg.Method);
        Assert.True(newtonCg.Converged, $"L = {newtonCg.Loss:G3} after {newtonCg.Iterations}");
        Assert.True(newtonCg.DistanceMoved <= Distance(start, teacher));
        Assert.True(Distance(newtonCg.Point, gaussNewton.Point) <= 0.05 * gaussNewton.DistanceMoved,
            $"‖CG − GN‖ = {Distance(newtonCg.Point, gaussNewton.Point):G3}, moved {gaussNewton.DistanceMoved:G3} / {newtonCg.DistanceMoved:G3}");
    }

    [Fact]
    public void Newton_cg_agrees_with_dense_on_the_product_model()
    {
        var data = ProductModel.OnLine(1.0, X);
        var newtonCg = Stability.Minimize(new ProductModel(), data, [1.3, 0.9], new MinimizeOptions { Method = MinimizeMethod.NewtonCg });
        var dense = Stability.Minimize(new ProductModel(), data, [1.3, 0.9]);

        Assert.Equal(MinimizeMethod.NewtonCg, newtonCg.Method);
        Assert.True(newtonCg.Converged, $"L = {newtonCg.Loss:G3} after {newtonCg.Iterations}, {string.Join(", ", newtonCg.Point)}");
        Assert.True(Math.Abs(newtonCg.Point[0] * newtonCg.Point[1] - 1.0) <= 1e-12);
        // From ab − 1 = 0.17 CG's Krylov steps stay near the normal (0.1112 against the distance 0.1111 to the hyperbola);
        // the dense path turns along the manifold by a few per cent.
        var nearest = NearestOnHyperbola([1.3, 0.9]);
        Assert.InRange(newtonCg.DistanceMoved, nearest * (1 - 1e-6), nearest * 1.01);
        Assert.InRange(dense.DistanceMoved, nearest * (1 - 1e-6), nearest * 1.25);
    }

    [Theory]
    [InlineData(MinimizeMethod.GaussNewton)]
    [InlineData(MinimizeMethod.NewtonCg)]
    public void Results_are_the_same_for_every_thread_count(MinimizeMethod method)
    {
        // N = 80 samples: two loss chunks of 64 and, for Gauss–Newton (d = 270), three Gram tiles a side, so the
        // parallel sums are exercised; Newton–CG on the d = 30 network, an isolated minimum at N = 80.
        var model = method == MinimizeMethod.GaussNewton ? MediumTanhNet.Model : SmallTanhNet.Model;
        var inputs = method == MinimizeMethod.GaussNewton ? MediumTanhNet.D : SmallTanhNet.D;
        var (data, _, start) = TeacherStudent.Build(model, inputs, 80, seed: 9);
        var one = Stability.Minimize(model, data, start, new MinimizeOptions { Method = method, MaxDegreeOfParallelism = 1 });
        var two = Stability.Minimize(model, data, start, new MinimizeOptions { Method = method, MaxDegreeOfParallelism = 2 });
        var many = Stability.Minimize(model, data, start, new MinimizeOptions { Method = method, MaxDegreeOfParallelism = 7 });

        Assert.True(one.Converged, $"L = {one.Loss:G3} after {one.Iterations}");
        Assert.Equal(one.Point, two.Point);
        Assert.Equal(one.Point, many.Point);
        Assert.Equal(one.Iterations, many.Iterations);
    }

    [Fact]
    public void Gauss_newton_at_d_20000_never_forms_a_d_by_d_matrix()
    {
        // A d×d matrix of doubles would be 3.2 GB; J (N·d) is 16 MB and the Gram matrix N² doubles.
        const int n = 100;
        var model = WideTanhNet.Model;
        Assert.Equal(20_000, model.ParameterCount);
        var (data, teacher, start) = TeacherStudent.Build(model, WideTanhNet.D, n, seed: 13);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = Stability.Minimize(model, data, start);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(result.Converged, $"L = {result.Loss:G3} after {result.Iterations}");
        Assert.Equal(MinimizeMethod.GaussNewton, result.Method);
        Assert.True(result.DistanceMoved <= Distance(start, teacher));
        Assert.True(allocated < 500_000_000, $"allocated {allocated / 1e6:F0} MB");
    }

    [Fact]
    public void Gauss_newton_without_a_residual_form_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Stability.Minimize(new ProductModel(), ProductModel.OnLine(1.0, X), [1.3, 0.9],
            new MinimizeOptions { Method = MinimizeMethod.GaussNewton }));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("Method", ex.Message, StringComparison.Ordinal);
    }
}
