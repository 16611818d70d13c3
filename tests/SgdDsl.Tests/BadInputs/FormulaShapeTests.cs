using SgdDsl.Tests.Cli;

namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// A --loss with array parameters: a shape the subscripts leave, an array listed without its shape, an unknown index or
/// a CSV that does not match the inferred data shape is named, with the position in the formula, and exits 2 (usage) or
/// 4 (data).
/// </summary>
public sealed class FormulaShapeTests : BadInputFiles
{
    [Theory]
    [InlineData("W[2,1],v[2]", "--loss:", "subscript 'k' of 'W' takes values 0 … 1, outside 0 … 0 (shape [2,1]) at position 40")]
    [InlineData("W,v[2]", "--params:", "Parameter 'W' is subscripted by an index in the loss; declare its shape, e.g. W[2,2]")]
    [InlineData("W[2,2],v[2],v[3]", "--params:", "twice")]
    [InlineData("W[2,2],v[2],u[3]", "--params:", "Parameter 'u[3]' does not occur in the loss")]
    public void A_shape_that_does_not_fit_the_loss_is_a_usage_error_naming_it(string parameters, string flag, string message) =>
        BadInput.Expect(2, [flag, message], "analyze", "--loss", FormulaNetCliTests.Net, "--params", parameters,
            "--data", FormulaNetCliTests.TeacherData(Folder), "--at", FormulaNetCliTests.At);

    [Fact]
    public void An_unknown_index_is_a_usage_error_at_its_position() =>
        BadInput.Expect(2, ["--loss:", "unknown index 'q' in a subscript", "at position 18"], "analyze", "--loss", "sum(j, 2, v[j]*x[q])",
            "--params", "v[2]", "--data", FormulaNetCliTests.TeacherData(Folder), "--at", "1,1");

    [Fact]
    public void A_csv_wider_than_the_inferred_data_array_is_a_data_error_naming_the_column()
    {
        // The loss reads x[0] and x[1] only, so x has 2 entries; a third column is not one of the model's.
        var data = Write("wide.csv", "x[0],x[1],x[2],y\n1,1,1,1\n");
        BadInput.Expect(4, ["--data:", "column 'x[2]' is not a data column"], "analyze", "--loss", FormulaNetCliTests.Net,
            "--params", "W[2,2],v[2]", "--data", data, "--at", FormulaNetCliTests.At);
    }

    [Fact]
    public void A_point_of_the_wrong_length_names_the_flattened_parameters() =>
        BadInput.Expect(2, ["--at:", "has 5 values but Formula has 6 parameters", "W[0,0], W[0,1], W[1,0], W[1,1], v[0], v[1]"], "analyze",
            "--loss", FormulaNetCliTests.Net, "--params", "W[2,2],v[2]", "--data", FormulaNetCliTests.TeacherData(Folder), "--at", "1,2,3,4,5");
}
