using System.Globalization;
using SgdDsl.Data;

namespace SgdDsl;

/// <summary>
/// The N samples ℓ_i is evaluated on: an immutable N×<see cref="Width"/> table of finite doubles,
/// one row per sample, columns in the order of <see cref="ILossModel.SampleNames"/>.
/// </summary>
/// <remarks>
/// Every value is checked once at construction, so later stages never meet NaN or ±∞ in the data.
/// <see cref="FromRows"/> reports bad input with <see cref="ArgumentException"/> (the rows are an argument);
/// <see cref="FromCsv"/> reports bad file content with <see cref="FormatException"/> (the file is data, not an argument).
/// Both messages name the row and the column; CSV messages also name the file and the 1-based line.
/// </remarks>
public sealed class Dataset
{
    private readonly double[] values;

    private Dataset(double[] values, int count, int width)
    {
        this.values = values;
        Count = count;
        Width = width;
    }

    /// <summary>N, the number of samples (rows); at least 1.</summary>
    public int Count { get; }

    /// <summary>The number of values in one sample (columns); at least 1.</summary>
    public int Width { get; }

    /// <summary>Sample <paramref name="index"/> (0-based), <see cref="Width"/> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<double> this[int index] => Row(index);

    /// <summary>Sample <paramref name="index"/> (0-based), <see cref="Width"/> values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<double> Row(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Row index must be in [0, {Count}).");
        return values.AsSpan(index * Width, Width);
    }

    /// <summary>
    /// Copies <paramref name="rows"/> (rows[i] is sample i) into a dataset.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="ArgumentException">
    /// No rows, a row with no values, rows of different widths, or a NaN/±∞ value; the message names the
    /// offending entry as <c>rows[i][j]</c> (0-based).
    /// </exception>
    public static Dataset FromRows(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
            throw new ArgumentException("The dataset is empty: rows has no rows.", nameof(rows));
        var width = rows[0]?.Length ?? throw new ArgumentNullException(nameof(rows), "rows[0] is null.");
        if (width == 0)
            throw new ArgumentException("rows[0] has no values; a sample needs at least one.", nameof(rows));
        var values = new double[checked(rows.Length * width)];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentNullException(nameof(rows), $"rows[{i}] is null.");
            if (row.Length != width)
                throw new ArgumentException($"rows[{i}] has {row.Length} values but rows[0] has {width}.", nameof(rows));
            for (var j = 0; j < width; j++)
            {
                if (!double.IsFinite(row[j]))
                    throw new ArgumentException(
                        $"rows[{i}][{j}] (row {i}, column {j}) is {row[j].ToString(CultureInfo.InvariantCulture)}; every value must be finite.",
                        nameof(rows));
                values[i * width + j] = row[j];
            }
        }
        return new Dataset(values, rows.Length, width);
    }

    /// <summary>
    /// Reads a comma-separated file whose first line is a header naming exactly the data columns of
    /// <paramref name="model"/> (<see cref="ILossModel.SampleNames"/>, case-sensitive, in any order).
    /// Fields are separated by the commas outside square brackets (so a flattened matrix entry <c>W[0,1]</c> is one
    /// name) and trimmed (no quoting); a field is at most 256 characters and a line is refused as soon as it has more
    /// fields than the model has data columns. Numbers use the invariant culture (decimal point, optional exponent);
    /// blank lines are skipped but still counted in line numbers.
    /// Columns are reordered into the model's order.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The model has no data columns.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">
    /// Missing, duplicate or extra header columns; a line with the wrong number of fields; a field longer than 256
    /// characters (messages quote at most its first 40); a value that is
    /// not a number or is NaN/±∞ (including overflow); no data lines. The message names the file, the 1-based
    /// line number, the data row (0-based) and the column.
    /// </exception>
    public static Dataset FromCsv(string path, ILossModel model)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        if (model.SampleNames.Count == 0)
            throw new ArgumentException($"Model {model.Name} has no data columns, so there is nothing to read from a CSV file.", nameof(model));
        var (values, count) = CsvDatasetReader.Read(path, model.SampleNames);
        return new Dataset(values, count, model.SampleNames.Count);
    }
}
