using System.Text.Json;

namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// Inputs that used to end in exit 134 and a stack trace, or in a generic exit 1: each now gets the exit code of what
/// it is (2 usage, 4 data, 5 not finite, 6 an output that cannot be written) and one message naming the flag or file.
/// </summary>
public sealed class StackTraceTests : BadInputFiles
{
    private string Rows()
    {
        var path = PathOf("rows.jsonl");
        BadInput.Expect(0, [], "sweep", "--at", "1,1", "--eta", "0.1,0.2", "--out", path, "--quiet");
        return path;
    }

    private string NotAFolder() => Write("file.txt", "not a folder");

    public static TheoryData<string> UnwritableTargets => new() { "missing/out", "file.txt/out", "folder" };

    private string Target(string kind, string extension)
    {
        NotAFolder();
        Directory.CreateDirectory(PathOf("folder" + extension));
        return PathOf(kind + extension);
    }

    [Theory]
    [MemberData(nameof(UnwritableTargets))]
    public void An_unwritable_sweep_out_is_exit_6_naming_the_flag_and_path_before_any_work(string kind)
    {
        var target = Target(kind, ".jsonl");
        BadInput.Expect(6, ["--out:", target], "sweep", "--at", "1,1", "--out", target);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("simulate")]
    [InlineData("plot")]
    public void An_unwritable_picture_is_exit_6_naming_the_flag_and_path(string command)
    {
        var target = Path.Combine(NotAFolder(), "picture.png");
        var (flag, args) = command switch
        {
            "sweep" => ("--plot", new[] { "sweep", "--at", "1,1", "--out", PathOf("s.jsonl"), "--plot", target }),
            "simulate" => ("--plot", new[] { "simulate", "--trials", "2", "--steps", "2", "--plot", target }),
            _ => ("--out", new[] { "plot", Rows(), "--out", target }),
        };
        BadInput.Expect(6, [flag + ":", target, "is a file, not a folder"], args);
        // Checked before the sweep ran: it wrote no rows.
        Assert.False(File.Exists(PathOf("s.jsonl")) && new FileInfo(PathOf("s.jsonl")).Length > 0);
    }

    [Fact]
    public void An_unwritable_merge_out_is_exit_6()
    {
        var target = Path.Combine(NotAFolder(), "merged.jsonl");
        BadInput.Expect(6, ["--out:", target], "merge", Rows(), "--out", target);
    }

    [Theory]
    [InlineData("merge", "")]
    [InlineData("merge", " ")]
    [InlineData("plot", "")]
    public void An_empty_file_name_is_a_usage_error(string command, string name)
    {
        string[] args = command == "plot" ? ["plot", name, "--out", PathOf("x.png")] : ["merge", name];
        BadInput.Expect(2, ["the file name is empty"], args);
    }

    [Theory]
    [InlineData("--data")]
    [InlineData("--points")]
    [InlineData("--out")]
    [InlineData("--plot")]
    public void An_empty_file_flag_is_a_usage_error_naming_it(string flag) =>
        BadInput.Expect(2, [flag + ": the file name is empty"], "sweep", flag, "");

    [Theory]
    [InlineData("--width", "100000")]
    [InlineData("--height", "100000")]
    [InlineData("--width", "99")]
    [InlineData("--height", "-5")]
    public void A_picture_size_outside_the_limits_is_refused_before_drawing_saying_the_maximum(string flag, string value) =>
        BadInput.Expect(2, [flag + ":", "at most 8000"], "plot", Rows(), "--out", PathOf("p.png"), flag, value);

    [Theory]
    [InlineData("(a*x[ 0] + a*éx - y)^2")]
    [InlineData("(a*x[0 ] + a*éx - y)^2")]
    public void A_formula_name_binds_the_data_column_the_parser_reads_whatever_its_spacing_or_letters(string loss)
    {
        // Each sample interpolates at a = 1 (1 + 1 = 2, 2 + 2 = 4), so the analysis runs to the end.
        var data = Write("x0.csv", "x[0],éx,y\n1,1,2\n2,2,4\n");
        BadInput.Expect(0, [], "analyze", "--loss", loss, "--params", "a", "--data", data, "--at", "1");
    }

    [Fact]
    public void A_sweep_point_that_fails_becomes_a_failed_row_and_the_others_go_on()
    {
        var path = PathOf("mixed.jsonl");
        var (output, _) = BadInput.Expect(0, [], "sweep", "--path", "a=1,1e160,2", "--fix", "b=1/a", "--out", path, "--json");
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("failed").GetInt32());
        var rows = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["ok", "failed", "ok"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains("Sample 0", rows[1].GetProperty("message").GetString());
    }
}
