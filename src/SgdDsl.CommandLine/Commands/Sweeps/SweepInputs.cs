using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SgdDsl.CommandLine.Commands.Sweeps;

/// <summary>
/// What determines a sweep's rows beyond their key (model name, start, η, B, sampling, seed): content hashes of the
/// loss (model name, formula, parameter and data names) and of the data (every value, bit for bit, in the model's column
/// order), and the analysis options the command line sets (today --max-steps, as the effective budget). Every row
/// carries them as "inputs", so --resume and merge refuse rows computed from other inputs and say which differs.
/// </summary>
internal sealed record SweepInputs(string Loss, string Data, string Options)
{
    public static SweepInputs Of(ILossModel model, Dataset data, StabilityOptions options)
    {
        var loss = string.Join("\n", [model.Name, model.LossFormula, string.Join(",", model.ParameterNames), string.Join(",", model.SampleNames)]);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var word = new byte[8];
        void Add(long bits)
        {
            BinaryPrimitives.WriteInt64LittleEndian(word, bits);
            hash.AppendData(word);
        }
        Add(data.Count);
        Add(data.Width);
        for (var i = 0; i < data.Count; i++)
            foreach (var x in data[i]) Add(BitConverter.DoubleToInt64Bits(x));
        return new SweepInputs(Hash(SHA256.HashData(Encoding.UTF8.GetBytes(loss))), Hash(hash.GetHashAndReset()), string.Create(CultureInfo.InvariantCulture, $"maxSteps={options.MaxSteps}"));
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("inputs");
        w.WriteString("loss", Loss);
        w.WriteString("data", Data);
        w.WriteString("options", Options);
        w.WriteEndObject();
    }

    /// <summary>A row's "inputs", or null when it has none (a row of an earlier sgd-stability) or they are malformed.</summary>
    public static SweepInputs? Read(JsonElement row)
    {
        if (!row.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => inputs.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return Text("loss") is { } loss && Text("data") is { } data && Text("options") is { } options ? new SweepInputs(loss, data, options) : null;
    }

    /// <summary>
    /// What differs from <paramref name="other"/>, in words a user acts on, each value labelled by where it is from
    /// (<paramref name="here"/>, <paramref name="there"/>); empty when nothing does.
    /// </summary>
    public string Differences(SweepInputs other, string here, string there)
    {
        var what = new List<string>();
        void Compare(string name, string mine, string theirs)
        {
            if (mine != theirs) what.Add($"{name} ({mine} {here}, {theirs} {there})");
        }
        Compare("the model or loss formula (--model/--loss/--params)", Loss, other.Loss);
        Compare("the data (--data)", Data, other.Data);
        Compare("the analysis options (--max-steps)", Options, other.Options);
        return string.Join("; ", what);
    }

    // 64 bits of SHA-256: enough that two different inputs never meet by chance, short enough to read in a row.
    private static string Hash(byte[] digest) => "sha256:" + Convert.ToHexStringLower(digest)[..16];
}
