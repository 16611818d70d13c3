using System.Globalization;
using System.Text.Json;

namespace SgdDsl.Tests.Cli;

/// <summary>
/// <c>analyze --loss "sum(…)" --params "W[2,2],v[2]"</c>: array parameters declared by shape, flattened row-major like a
/// generated model's, give the same analysis as the same loss written entry by entry with scalar parameters.
/// </summary>
public sealed class FormulaNetCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sgd-net-").FullName;

    /// <summary>The teacher (W row-major, then v): a zero-loss point of data it labels itself.</summary>
    internal static readonly double[] Teacher = [0.5, -0.3, 0.2, 0.8, 1.0, -0.7];

    internal const string Net = "0.5*(sum(j, 2, v[j]*tanh(sum(k, 2, W[j,k]*x[k]))) - y)^2";

    private const string EntryByEntry = "0.5*(v[0]*tanh(W[0,0]*x[0] + W[0,1]*x[1]) + v[1]*tanh(W[1,0]*x[0] + W[1,1]*x[1]) - y)^2";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Three inputs labelled by the teacher, with the header x[0],x[1],y.</summary>
    internal static string TeacherData(string folder)
    {
        double[][] inputs = [[0.3, -1.1], [1.4, 0.6], [-0.8, 0.9]];
        var lines = inputs.Select(x =>
        {
            var f = Teacher[4] * Math.Tanh(Teacher[0] * x[0] + Teacher[1] * x[1]) + Teacher[5] * Math.Tanh(Teacher[2] * x[0] + Teacher[3] * x[1]);
            return string.Join(",", new[] { x[0], x[1], f }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        });
        var path = Path.Combine(folder, "teacher.csv");
        File.WriteAllText(path, "x[0],x[1],y\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    internal static string At => string.Join(",", Teacher.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    [Fact]
    public void Declared_array_parameters_analyse_like_the_same_loss_written_entry_by_entry()
    {
        var data = TeacherData(_folder);
        var arrays = CliRunner.Run("analyze", "--loss", Net, "--params", "W[2,2],v[2]", "--data", data, "--at", At, "--eta", "0.3", "--json");
        var entries = CliRunner.Run("analyze", "--loss", EntryByEntry, "--params", "W[0,0],W[0,1],W[1,0],W[1,1],v[0],v[1]", "--data", data,
            "--at", At, "--eta", "0.3", "--json");
        Assert.True(arrays.ExitCode == 0, arrays.Error);
        Assert.True(entries.ExitCode == 0, entries.Error);
        var a = JsonDocument.Parse(arrays.Output).RootElement;
        var b = JsonDocument.Parse(entries.Output).RootElement;
        Assert.Equal(3, a.GetProperty("normalDimension").GetInt32());
        // Different expressions of one loss (Σ over j against written-out terms): equal up to rounding.
        Assert.Equal(b.GetProperty("mu").GetDouble(), a.GetProperty("mu").GetDouble(), 1e-10);
        Assert.Equal(b.GetProperty("lambda").GetDouble(), a.GetProperty("lambda").GetDouble(), 1e-10);
        Assert.Equal(b.GetProperty("sgdVerdict").GetString(), a.GetProperty("sgdVerdict").GetString());
    }
}
