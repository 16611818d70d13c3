namespace SgdDsl.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void Rows_are_copied_and_exposed()
    {
        double[][] rows = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
        var data = Dataset.FromRows(rows);
        rows[1][0] = 99.0;
        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.Width);
        Assert.Equal([3.0, 4.0], data[1].ToArray());
        Assert.Equal([5.0, 6.0], data.Row(2).ToArray());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_values_are_rejected_naming_row_and_column(double bad, string printed)
    {
        var ex = Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1.0, 2.0], [3.0, 4.0], [5.0, bad]]));
        Assert.Equal("rows", ex.ParamName);
        Assert.Contains("rows[2][1]", ex.Message);
        Assert.Contains("row 2, column 1", ex.Message);
        Assert.Contains(printed, ex.Message);
    }

    [Fact]
    public void Rows_of_different_widths_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Dataset.FromRows([[1.0, 2.0], [3.0]]));
        Assert.Contains("rows[1] has 1 values but rows[0] has 2", ex.Message);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Dataset.FromRows([])).Message);
        Assert.Contains("no values", Assert.Throws<ArgumentException>(() => Dataset.FromRows([[]])).Message);
    }

    [Fact]
    public void Row_index_out_of_range_is_rejected()
    {
        var data = Dataset.FromRows([[1.0]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Row(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data[-1].ToArray());
    }
}
