namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// Inputs that used to give a confident, wrong answer: a decimal comma read as a thousands separator (η = 15 for
/// "0,15"), numbers that overflow inside the analysis, a point that is a minimum of L but a maximum of some ℓ_i, and
/// grids that list one point twice. Each is now an error with its exit code, naming what is wrong.
/// </summary>
public sealed class ConfidentWrongAnswerTests : BadInputFiles
{
    /// <summary>Every number flag of every command, given with a decimal comma or a thousands separator.</summary>
    public static TheoryData<string, string, string> NumberFlags => new()
    {
        { "analyze", "--eta", "0,15" },
        { "analyze", "--batch", "1,000" },
        { "analyze", "--seed", "1,5" },
        { "analyze", "--spectrum", "1,0" },
        { "analyze", "--max-steps", "1,000" },
        { "analyze", "--threads", "1,0" },
        { "simulate", "--eta", "0,15" },
        { "simulate", "--batch", "1,0" },
        { "simulate", "--delta", "0,01" },
        { "simulate", "--radius", "0,5" },
        { "simulate", "--trials", "1,000" },
        { "simulate", "--steps", "1,000" },
        { "simulate", "--seed", "1,5" },
        { "simulate", "--threads", "1,0" },
        { "sweep", "--max-steps", "1,000" },
        { "sweep", "--seed", "1,5" },
        { "sweep", "--threads", "1,0" },
        { "plot", "--width", "1,000" },
        { "plot", "--height", "1,000" },
        { "plot", "--batch", "1,0" },
    };

    [Theory]
    [MemberData(nameof(NumberFlags))]
    public void A_decimal_comma_or_thousands_separator_is_a_usage_error_naming_the_flag(string command, string flag, string value)
    {
        string[] args = command == "plot" ? ["plot", PathOf("none.jsonl"), "--out", PathOf("p.png"), flag, value] : [command, flag, value];
        var (output, error) = BadInput.Expect(2, [flag + ":", value], args);
        Assert.Empty(output);
        Assert.StartsWith($"error: {flag}: '{value}'", error);
    }

    [Theory]
    [InlineData("analyze", "--eta", "NaN")]
    [InlineData("analyze", "--eta", "Infinity")]
    [InlineData("simulate", "--delta", "-Infinity")]
    [InlineData("analyze", "--eta", "1e400")]
    [InlineData("analyze", "--batch", "99999999999")]
    public void Non_finite_or_out_of_range_numbers_are_usage_errors(string command, string flag, string value) =>
        BadInput.Expect(2, [flag + ":"], command, flag, value);

    [Fact]
    public void Decimal_points_and_exponents_are_still_numbers()
    {
        var (output, _) = BadInput.Expect(0, [], "analyze", "--eta", "1.5e-1", "--json");
        Assert.Equal(0.15, System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("learningRate").GetDouble());
    }

    [Fact]
    public void A_sample_whose_curvature_overflows_is_exit_5_naming_the_sample() =>
        BadInput.Expect(5, ["Sample 0", "overflows"], "analyze", "--at", "1e160,1e-160");

    [Fact]
    public void A_data_value_that_overflows_the_curvature_is_exit_5()
    {
        var data = Write("big.csv", "x,y\n1,1\n1e200,1e200\n");
        BadInput.Expect(5, ["Sample 1"], "analyze", "--data", data);
    }

    [Fact]
    public void A_learning_rate_whose_steps_overflow_is_exit_5() =>
        BadInput.Expect(5, ["η"], "analyze", "--eta", "1e308");

    [Fact]
    public void A_zero_of_L_that_maximises_some_sample_loss_is_exit_3() =>
        BadInput.Expect(3, ["not a minimum of every ℓ_i"], "analyze", "--loss", "-(a*x-y)^2", "--params", "a", "--data", Xy(), "--at", "1");

    [Fact]
    public void A_Hessian_that_is_not_finite_at_the_point_is_exit_5() =>
        BadInput.Expect(5, ["Hessian", "not finite"], "analyze", "--loss", "(a*x-y)^2 + (a-1)^1.5", "--params", "a", "--data", Xy(), "--at", "1");

    [Theory]
    [InlineData("--eta", "0.1,0.1", "0.1 appears 2 times")]
    [InlineData("--eta", "0.1:0.1:3", "0.1 appears 3 times")]
    [InlineData("--batch", "2,N", "batch size 2 appears 2 times")]
    public void A_grid_that_lists_a_point_twice_is_a_usage_error(string flag, string value, string message) =>
        BadInput.Expect(2, [flag + ":", message], "sweep", "--at", "1,1", flag, value);

    [Fact]
    public void A_path_or_points_file_that_gives_one_start_twice_is_refused()
    {
        BadInput.Expect(2, ["--path:", "position 0 and position 1"], "sweep", "--path", "a=1:1:2", "--fix", "b=1/a");
        var points = Write("points.csv", "a,b\n1,1\n2,0.5\n1,1\n");
        BadInput.Expect(4, ["--points:", "line 2 and line 4"], "sweep", "--points", points);
    }
}
