using ScottPlot;
using SkiaSharp;

namespace SgdDsl.Plots;

/// <summary>Writes a chart to a file whose extension (.png or .svg) picks the format.</summary>
internal static class ImageFile
{
    public static void Save(IMultiplot figure, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        var format = FormatOf(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        if (format == ".png")
        {
            figure.SavePng(path, width, height);
            return;
        }

        // ScottPlot saves a multiplot only as PNG; its Render draws on any Skia canvas, and Skia has an SVG canvas.
        using var stream = File.Create(path);
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            figure.Render(canvas, new PixelRect(0, width, height, 0));
    }

    public static void Save(Plot plot, string path, int width, int height) => Save(new Multiplot(plot), path, width, height);

    /// <summary>".png" or ".svg"; anything else is an <see cref="ArgumentException"/> naming the path.</summary>
    public static string FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".png" or ".svg"
            ? extension
            : throw new ArgumentException($"'{path}': the picture's file name must end in .png or .svg.", nameof(path));
    }
}
