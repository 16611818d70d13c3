using SgdDsl.Tests.Models;

namespace SgdDsl.Tests.Data;

/// <summary>CSV files map header names onto the model's sample columns; every error names file, line, row and column.</summary>
public sealed class CsvDatasetTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sgddsl-csv-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(directory, $"data{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private FormatException Rejects(string text, out string path)
    {
        var file = Write(text);
        path = file;
        return Assert.Throws<FormatException>(() => Dataset.FromCsv(file, new TwoFeatureLinearModel()));
    }

    [Fact]
    public void Header_columns_in_any_order_are_mapped_to_the_model_order()
    {
        var path = Write("y, x2 ,x1\n3, 2, 1\n\n-6.5e-1,5,4\n");
        var data = Dataset.FromCsv(path, new TwoFeatureLinearModel());
        Assert.Equal(2, data.Count);
        Assert.Equal(3, data.Width);
        Assert.Equal([1.0, 2.0, 3.0], data[0].ToArray());
        Assert.Equal([4.0, 5.0, -0.65], data[1].ToArray());
    }

    [Fact]
    public void Missing_column_is_rejected()
    {
        var ex = Rejects("x1,y\n1,2\n", out var path);
        Assert.Contains(path, ex.Message);
        Assert.Contains("line 1", ex.Message);
        Assert.Contains("missing column 'x2'", ex.Message);
    }

    [Fact]
    public void Extra_column_is_rejected()
    {
        var ex = Rejects("x1,x2,y,z\n1,2,3,4\n", out _);
        Assert.Contains("column 'z' is not a data column", ex.Message);
    }

    [Fact]
    public void Duplicate_column_is_rejected()
    {
        Assert.Contains("appears twice", Rejects("x1,x1,y\n1,2,3\n", out _).Message);
    }

    [Theory]
    [InlineData("abc", "is not a number")]
    [InlineData("1,5", "fields")]
    [InlineData("NaN", "not finite")]
    [InlineData("Infinity", "not finite")]
    [InlineData("1e400", "not finite")]
    public void Bad_values_are_rejected_naming_file_line_row_and_column(string bad, string reason)
    {
        var ex = Rejects($"x1,x2,y\n1,2,3\n\n4,{bad},6\n", out var path);
        Assert.Contains(path, ex.Message);
        Assert.Contains("line 4", ex.Message);
        Assert.Contains("data row 1", ex.Message);
        Assert.Contains(reason, ex.Message);
        if (bad != "1,5")
            Assert.Contains("column 'x2'", ex.Message);
    }

    [Fact]
    public void Decimal_comma_is_not_accepted_as_a_number()
    {
        // Invariant culture: "1,5" splits into two fields; ";"-separated German CSV is not a number either.
        Assert.Contains("is not a number", Rejects("x1,x2,y\n1;5,2,3\n", out _).Message);
    }

    [Fact]
    public void Header_without_rows_is_rejected()
    {
        Assert.Contains("no data rows", Rejects("x1,x2,y\n\n", out _).Message);
        Assert.Contains("is empty", Rejects("", out _).Message);
    }

    [Fact]
    public void Missing_file_throws_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => Dataset.FromCsv(Path.Combine(directory, "none.csv"), new TwoFeatureLinearModel()));
    }
}
