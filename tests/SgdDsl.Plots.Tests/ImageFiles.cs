namespace SgdDsl.Plots.Tests;

/// <summary>Temporary picture paths and checks that a file is the picture its extension promises.</summary>
internal static class ImageFiles
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), "sgddsl-plots-" + Guid.NewGuid().ToString("N") + extension);

    public static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2_000, $"{path} has only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
    }

    public static void AssertSvg(string path)
    {
        var text = File.ReadAllText(path);
        Assert.True(text.Length > 2_000, $"{path} has only {text.Length} characters");
        Assert.Contains("<svg", text);
        Assert.EndsWith("</svg>", text.TrimEnd());
    }
}
