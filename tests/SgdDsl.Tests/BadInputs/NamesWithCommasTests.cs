using System.Text.Json;
using SgdDsl.Data;
using static SgdDsl.Dsl;

namespace SgdDsl.Tests.BadInputs;

/// <summary>A model whose data is a 2×2 matrix: its flattened names are X[0,0], X[0,1], X[1,0], X[1,1], then y.</summary>
[SgdModel]
public static partial class MatrixData
{
    [Loss]
    static double Loss([Param] double a, [Data(2, 2)] double[,] X, double y) => 0.5 * Sq(a * (X[0, 0] + X[0, 1] + X[1, 0] + X[1, 1]) - y);
}

/// <summary>
/// Flattened matrix names (<c>W[0,1]</c>) have a comma inside brackets; every reader of names splits only at the
/// commas outside brackets: CSV headers, --params, --at, --points headers, --path and --fix.
/// </summary>
public sealed class NamesWithCommasTests : BadInputFiles
{
    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("W[0,1], v[2] ,y", new[] { "W[0,1]", "v[2]", "y" })]
    [InlineData("T[0,1,2],x", new[] { "T[0,1,2]", "x" })]
    [InlineData("", new[] { "" })]
    [InlineData("a,", new[] { "a", "" })]
    public void Lists_split_at_commas_outside_brackets(string text, string[] fields) => Assert.Equal(fields, CommaList.Split(text));

    [Fact]
    public void A_compiled_model_with_matrix_data_reads_its_own_header()
    {
        Assert.Equal(["X[0,0]", "X[0,1]", "X[1,0]", "X[1,1]", "y"], MatrixData.Model.SampleNames);
        var path = Write("m.csv", string.Join(",", MatrixData.Model.SampleNames.Reverse()) + "\n10,4,3,2,1\n");
        var data = Dataset.FromCsv(path, MatrixData.Model);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 10.0], data[0].ToArray());
    }

    private const string Loss = "0.5*(W[0,0]*W[0,1]*X[1,0] - y)^2";

    private string Data() => Write("w.csv", "y, X[1,0]\n0.9,0.9\n2.5,2.5\n");

    [Fact]
    public void Params_data_and_at_take_bracketed_names()
    {
        var (output, _) = BadInput.Expect(0, [], "analyze", "--loss", Loss, "--params", "W[0,0],W[0,1]", "--data", Data(), "--at", "1,1", "--json");
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("stable", report.GetProperty("gdVerdict").GetString());
        Assert.Equal(1, report.GetProperty("normalDimension").GetInt32());
    }

    [Fact]
    public void Points_files_and_paths_take_bracketed_names()
    {
        var points = Write("p.csv", "W[0,1],W[0,0]\n1,1\n0.8,1.25\n");
        var (fromPoints, _) = BadInput.Expect(0, [], "sweep", "--loss", Loss, "--params", "W[0,0],W[0,1]", "--data", Data(), "--points", points);
        Assert.Equal(2, fromPoints.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var (alongPath, _) = BadInput.Expect(0, [], "sweep", "--loss", Loss, "--params", "W[0,0],W[0,1]", "--data", Data(),
            "--path", "W[0,0]=1,1.25", "--fix", "W[0,1]=1/W[0,0]");
        var rows = alongPath.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(0.8, rows[1].GetProperty("start")[1].GetDouble(), 1e-15);
        Assert.All(rows, r => Assert.Equal("ok", r.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_bracketed_name_the_model_lacks_is_named_whole()
    {
        var data = Write("bad.csv", "y,X[1,1]\n1,1\n");
        BadInput.Expect(4, ["--data:", "column 'X[1,1]' is not a data column", "X[1,0]"], "analyze", "--loss", Loss, "--params", "W[0,0],W[0,1]", "--data", data, "--at", "1,1");
    }
}
