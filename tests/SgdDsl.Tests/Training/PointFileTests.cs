using System.Text.Json;
using SgdDsl.Rendering;
using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Descent;

public sealed class PointFileTests : IDisposable
{
    // Values whose decimal forms are long or extreme: 1/3, the smallest subnormal, the largest double, −0.
    private static readonly double[] Awkward = [0.1, 1.0 / 3, -2.0 / 3 * 1e-300, double.Epsilon, double.MaxValue, -0.0, Math.PI * 1e20];
    private static readonly string[] Names = ["a", "W[0,0]", "W[0,1]", "W[1,0]", "W[1,1]", "v[0]", "b_2"];
    private readonly string folder = Directory.CreateTempSubdirectory("sgddsl-points").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_trained_point_written_as_json_reads_back_bitwise()
    {
        var model = new Named(Names);
        var path = Write("theta.json", TrainingJson.Render(Trained(model, Awkward)));
        Assert.Equal(Bits(Awkward), Bits(PointFile.Read(path, model)));
    }

    [Fact]
    public void A_point_written_as_csv_reads_back_bitwise_with_bracketed_names_whole()
    {
        var model = new Named(Names);
        var text = new StringWriter();
        PointFile.WriteCsv(text, Names, Awkward);
        Assert.StartsWith("a,W[0,0],W[0,1],", text.ToString());
        Assert.Equal(Bits(Awkward), Bits(PointFile.Read(Write("theta.csv", text.ToString()), model)));
    }

    [Fact]
    public void Names_are_matched_in_any_order()
    {
        var path = Write("p.csv", "b, a\n2.5, -1\n");
        Assert.Equal([-1.0, 2.5], PointFile.Read(path, new ProductModel()));
        var json = Write("p.json", """{ "theta": [2.5, -1], "parameterNames": ["b", "a"] }""");
        Assert.Equal([-1.0, 2.5], PointFile.Read(json, new ProductModel()));
    }

    [Fact]
    public void The_json_has_exactly_the_keys_of_the_contract()
    {
        var model = SmallTanhNet.Model;
        var (data, _, _) = TeacherStudent.Build(model, 4, 12, seed: 5);
        var found = Training.RunAndPolish(model, data, Initialization.Normal(model, 1), new TrainingOptions { Method = TrainingMethod.SGD, BatchSize = 4, Seed = 3, LearningRate = 0.3 });
        using var json = JsonDocument.Parse(TrainingJson.Render(found));
        var root = json.RootElement;
        Assert.Equal(
            ["model", "parameterNames", "theta", "loss", "gradientNorm", "method", "learningRate", "batchSize", "sampling", "seed", "steps", "stopReason", "polished", "moved", "history"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["step", "loss"], root.GetProperty("history").EnumerateObject().Select(p => p.Name));
        Assert.Equal("SmallTanhNet", root.GetProperty("model").GetString());
        Assert.Equal("sgd", root.GetProperty("method").GetString());
        Assert.Equal("without-replacement", root.GetProperty("sampling").GetString());
        Assert.Equal(4, root.GetProperty("batchSize").GetInt32());
        Assert.Equal(TrainingNames.Name(found.Training.StopReason), root.GetProperty("stopReason").GetString());
        Assert.True(root.GetProperty("polished").GetBoolean());
        Assert.Equal(found.Moved, root.GetProperty("moved").GetDouble());
        Assert.Equal(found.Loss, root.GetProperty("loss").GetDouble());
        Assert.Equal(found.Training.History.Steps, root.GetProperty("history").GetProperty("step").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(Bits(found.Point), Bits(PointFile.Read(Write("found.json", TrainingJson.Render(found)), model)));
    }

    [Fact]
    public void Gd_writes_n_as_its_batch_and_no_sampling_and_an_unpolished_point_no_move()
    {
        var model = new ProductModel();
        var result = Training.Run(model, ProductModel.OnLine(1.0, 0.5, 0.9, 1.4), [1.3, 0.9], new TrainingOptions { MaxSteps = 3, LossTarget = 0 });
        using var json = JsonDocument.Parse(TrainingJson.Render(new TrainedMinimum { Training = result }));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("batchSize").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sampling").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("moved").ValueKind);
        Assert.False(root.GetProperty("polished").GetBoolean());
        Assert.Equal("gd", root.GetProperty("method").GetString());
        Assert.Equal("max-steps", root.GetProperty("stopReason").GetString());
    }

    [Theory]
    [InlineData("a,b\n1\n", "b", "no value")]
    [InlineData("a\n1\n", "b", "no value for parameter 'b'")]
    [InlineData("a,b,c\n1,2,3\n", "c", "not a parameter")]
    [InlineData("a,b,a\n1,2,3\n", "a", "appears twice")]
    [InlineData("a,a\n1,2\n", "a", "appears twice")]
    [InlineData("a,b\n1,NaN\n", "b", "not finite")]
    [InlineData("a,b\n1e400,2\n", "a", "not finite")]
    [InlineData("a,b\n1,x\n", "b", "not a number")]
    [InlineData("a,b\n1,\n", "b", "not a number")]
    [InlineData("a,b\n", "a", "no value")]
    public void Each_csv_error_names_the_parameter(string content, string parameter, string problem)
    {
        var e = Assert.Throws<PointFileException>(() => PointFile.Read(Write("bad.csv", content), new ProductModel()));
        Assert.Equal(parameter, e.Parameter);
        Assert.Contains($"'{parameter}'", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains("bad.csv", e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Theory]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": [1] }""", "b", "has no value")]
    [InlineData("""{ "parameterNames": ["a"], "theta": [1] }""", "b", "no value for parameter 'b'")]
    [InlineData("""{ "parameterNames": ["a", "b", "c"], "theta": [1, 2, 3] }""", "c", "not a parameter")]
    [InlineData("""{ "parameterNames": ["a", "a"], "theta": [1, 2] }""", "a", "appears twice")]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": [1, "NaN"] }""", "b", "not finite")]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": ["-Infinity", 2] }""", "a", "not finite")]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": [1e400, 2] }""", "a", "not finite")]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": [1, null] }""", "b", "not a number")]
    [InlineData("""{ "parameterNames": ["a", "b"], "theta": [1, "2"] }""", "b", "not a number")]
    public void Each_json_error_names_the_parameter(string content, string parameter, string problem)
    {
        var e = Assert.Throws<PointFileException>(() => PointFile.Read(Write("bad.json", content), new ProductModel()));
        Assert.Equal(parameter, e.Parameter);
        Assert.Contains($"'{parameter}'", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains("bad.json", e.Message);
    }

    [Theory]
    [InlineData("bad.json", """{ "parameterNames": ["a", "b"], "theta": [1, 2, 3] }""", "theta[2] is an extra value")]
    [InlineData("bad.json", """{ "theta": [1, 2] }""", "no 'parameterNames'")]
    [InlineData("bad.json", """{ "parameterNames": ["a", "b"], "theta": [1, 2 """, "not valid JSON")]
    [InlineData("bad.csv", "a,b\n1,2,3\n", "field 3 is an extra value")]
    [InlineData("bad.csv", "a,b\n1,2\n3,4\n", "a second row")]
    [InlineData("bad.csv", "", "is empty")]
    public void A_file_of_the_wrong_shape_is_refused_with_where(string file, string content, string problem)
    {
        var e = Assert.Throws<PointFileException>(() => PointFile.Read(Write(file, content), new ProductModel()));
        Assert.Contains(problem, e.Message);
        Assert.Contains(file, e.Message);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static TrainedMinimum Trained(ILossModel model, double[] theta) => new()
    {
        Training = new TrainingResult
        {
            Model = model.Name, ParameterNames = model.ParameterNames, Options = new TrainingOptions(), SampleCount = 1,
            EndPoint = theta, EndLoss = 0.5, EndGradientNorm = double.PositiveInfinity, StartLoss = 1, Steps = 2,
            StopReason = TrainingStopReason.Diverged, DistanceTravelled = 1,
            History = new SgdDsl.Descent.LossCurveRecorder().Finish(0, 1.0),
        },
    };

    private static long[] Bits(double[] x) => x.Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>A model that only has names: enough for reading and writing points.</summary>
    private sealed class Named(string[] names) : ClosedFormModel
    {
        public override string Name => "Named";
        public override IReadOnlyList<string> ParameterNames => names;
        public override IReadOnlyList<string> SampleNames => ["x"];
        public override string LossFormula => "0";
        public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample) => 0;
        public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> gradient) => 0;
        public override void Hessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> sample, Span<double> hessian) { }
    }
}
