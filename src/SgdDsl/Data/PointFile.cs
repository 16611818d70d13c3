using System.Globalization;
using System.Text;
using SgdDsl.Data;

namespace SgdDsl;

/// <summary>
/// A point θ in a file, by parameter name: the JSON a training run writes (<see cref="Rendering.TrainingJson"/>: its
/// <c>parameterNames</c> and <c>theta</c>), or a CSV whose header names the parameters with one row of values.
/// Numbers are written in their shortest round-trip form, so a point read back is bitwise the point written.
/// </summary>
public static class PointFile
{
    /// <summary>
    /// Reads θ for <paramref name="model"/> from <paramref name="path"/>: JSON when the first character that is not white
    /// space is <c>{</c>, else CSV. Names are matched to <see cref="ILossModel.ParameterNames"/> (case-sensitive, in any
    /// order) and the values put in the model's order. JSON: an object with a <c>parameterNames</c> array of strings and
    /// a <c>theta</c> array of numbers of the same length; other keys are ignored (the model's name among them, so a
    /// point may be read into a model of another name with the same parameters). CSV: a header of names, split at the
    /// commas outside square brackets as <see cref="Dataset.FromCsv"/> does, and exactly one row of numbers (invariant
    /// culture); blank lines are skipped.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="model">The model whose parameters the file must give.</param>
    /// <returns>θ, length <see cref="ILossModel.ParameterCount"/>, every value finite.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="PointFileException">
    /// A parameter of the model is missing, a name is not one of its parameters or appears twice, a value is missing,
    /// extra, not a number or not finite, or the file is not of either form; the message names the file and the
    /// parameter (<see cref="PointFileException.Parameter"/>).
    /// </exception>
    public static double[] Read(string path, ILossModel model)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        return StartsWithBrace(path) ? PointJsonReader.Read(path, model) : PointCsvReader.Read(path, model);
    }

    /// <summary>
    /// Writes θ as the CSV <see cref="Read"/> takes: a header of <paramref name="parameterNames"/> and one row of values
    /// in their shortest round-trip form (invariant culture), each line ended by \n.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="parameterNames">The names, in the order of <paramref name="theta"/>.</param>
    /// <param name="theta">The values.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, or a value is not finite (the message names it).</exception>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<string> parameterNames, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(theta);
        if (parameterNames.Count != theta.Count)
            throw new ArgumentException($"{parameterNames.Count} names but {theta.Count} values.", nameof(theta));
        for (var k = 0; k < theta.Count; k++)
        {
            if (!double.IsFinite(theta[k]))
                throw new ArgumentException($"The value of '{parameterNames[k]}' is {theta[k].ToString(CultureInfo.InvariantCulture)}; a point file holds finite values.", nameof(theta));
        }
        writer.Write(string.Join(",", parameterNames));
        writer.Write('\n');
        var row = new StringBuilder();
        for (var k = 0; k < theta.Count; k++)
        {
            if (k > 0) row.Append(',');
            row.Append(theta[k].ToString("R", CultureInfo.InvariantCulture));
        }
        writer.Write(row.Append('\n'));
    }

    private static bool StartsWithBrace(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c)) { }
        return c == '{';
    }
}
