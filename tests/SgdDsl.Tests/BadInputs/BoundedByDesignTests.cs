using System.Diagnostics;

namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// Sizes are checked before anything is allocated: grids above the documented maximum, pictures above 8000 pixels a
/// side, and CSV lines with more fields than the model has columns or a field longer than 256 characters are refused
/// at once, and messages quote at most a short prefix of a bad value.
/// </summary>
public sealed class BoundedByDesignTests : BadInputFiles
{
    // Generous: a refusal takes milliseconds; allocating first took tens of seconds.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static void Refused(int code, string[] named, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (_, error) = BadInput.Expect(code, named, args);
        Assert.True(clock.Elapsed < Prompt, $"took {clock.Elapsed}");
        Assert.True(error.Split('\n')[0].Length < 400, "the first line quotes a short prefix, not the value: " + error.Split('\n')[0].Length);
    }

    [Theory]
    [InlineData("--eta", "0.1:0.2:2000000000", "2000000000 values")]
    [InlineData("--eta", "log:0.1:0.2:1000001", "1000001 values")]
    public void A_grid_axis_above_the_maximum_is_refused_with_its_count(string flag, string value, string count) =>
        Refused(2, [flag + ":", count, "at most 1000000"], "sweep", "--at", "1,1", flag, value);

    [Fact]
    public void A_product_of_paths_above_the_maximum_is_refused_before_it_is_built() =>
        Refused(2, ["--path:", "2000 × 2000"], "sweep", "--path", "a=0.5:2:2000", "--path", "b=0.5:2:2000");

    [Fact]
    public void A_grid_whose_axes_multiply_past_the_maximum_is_refused_with_the_count() =>
        Refused(2, ["1000 positions × 1001 learning rates × 1 batch sizes = 1001000 points"],
            "sweep", "--path", "a=0.5:2:1000", "--fix", "b=1/a", "--eta", "0.01:0.5:1001");

    [Fact]
    public void A_one_line_csv_is_refused_at_the_first_extra_field_quoting_no_more_than_a_prefix()
    {
        var data = Write("wide.csv", string.Join(",", Enumerable.Repeat("x", 2_000_000)));
        Refused(4, ["--data:", "wide.csv", "line 1", "more than 3 fields"], "analyze", "--data", data);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("value")]
    public void A_field_longer_than_256_characters_is_refused_quoting_its_start(string where)
    {
        var huge = new string('7', 5_000_000);
        var data = Write("long.csv", where == "header" ? huge + ",y\n1,1\n" : "x,y\n" + huge + ",1\n");
        Refused(4, ["--data:", "longer than 256 characters", "7777777777…"], "analyze", "--data", data);
    }

    [Fact]
    public void A_points_file_line_with_too_many_fields_is_refused_naming_the_line()
    {
        var points = Write("points.csv", "a,b\n1,1\n" + string.Join(",", Enumerable.Repeat("1", 1_000_000)) + "\n");
        Refused(4, ["--points:", "line 3", "more than 2 fields"], "sweep", "--points", points);
    }

    [Fact]
    public void A_long_bad_value_on_the_command_line_is_quoted_as_a_prefix()
    {
        var value = new string('9', 100_000) + "x";
        Refused(2, ["--at:", "(100001 characters)"], "analyze", "--at", "1," + value);
    }
}
