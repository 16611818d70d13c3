using System.Globalization;

namespace MinimaSelection;

/// <summary>One 8×8 digit image: 64 pixels scaled to [0, 1] (counts / 16) and its label 0–9.</summary>
public sealed record DigitImage(double[] Pixels, int Label);

/// <summary>The optical handwritten digits (UCI; data/README.md has the source and licence) and class-balanced subsets.</summary>
public static class Digits
{
    /// <summary>Pixels per image.</summary>
    public const int PixelCount = 64;

    /// <summary>The path of the copy shipped beside the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv");

    /// <summary>Reads every image of <paramref name="path"/> (header p0…p63,label), scaling the pixel counts 0–16 to [0, 1].</summary>
    /// <exception cref="InvalidDataException">A line is not 64 counts and a label; the message names the line.</exception>
    public static IReadOnlyList<DigitImage> Load(string path)
    {
        var images = new List<DigitImage>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != PixelCount + 1)
                throw new InvalidDataException($"{path}, line {lineNumber}: {fields.Length} fields, expected {PixelCount + 1}.");
            var pixels = new double[PixelCount];
            for (var k = 0; k < PixelCount; k++)
                pixels[k] = Parse(fields[k], path, lineNumber) / 16.0;
            images.Add(new DigitImage(pixels, (int)Parse(fields[PixelCount], path, lineNumber)));
        }
        return images;
    }

    /// <summary>
    /// The first <paramref name="perClass"/> images of each class in <paramref name="classes"/>, in file order, interleaved
    /// class by class (so any prefix stays balanced).
    /// </summary>
    /// <exception cref="ArgumentException">A class has fewer than <paramref name="perClass"/> images.</exception>
    public static IReadOnlyList<DigitImage> Balanced(IReadOnlyList<DigitImage> images, IReadOnlyList<int> classes, int perClass)
    {
        var byClass = classes.Select(c => images.Where(i => i.Label == c).Take(perClass).ToArray()).ToArray();
        for (var c = 0; c < classes.Count; c++)
            if (byClass[c].Length < perClass)
                throw new ArgumentException($"Class {classes[c]} has {byClass[c].Length} images, fewer than {perClass}.", nameof(perClass));
        var subset = new List<DigitImage>(classes.Count * perClass);
        for (var i = 0; i < perClass; i++)
            foreach (var members in byClass) subset.Add(members[i]);
        return subset;
    }

    private static double Parse(string field, string path, int line) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{path}, line {line}: '{field}' is not a number.");
}
