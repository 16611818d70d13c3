using System.Text.Json;

namespace SgdDsl.Tests.BadInputs;

/// <summary>
/// Resume and merge never keep numbers computed from other inputs, never delete or rewrite what is not provably an
/// interrupted row of the same sweep, and never silently pick one of two conflicting rows or drop a cut row.
/// Every refusal leaves the files byte for byte as they were.
/// </summary>
public sealed class LostOrMixedDataTests : BadInputFiles
{
    // 2 η × 2 B = 4 exact points (r = 1) of the product model on the data below.
    private string[] Sweep(string data, params string[] more) =>
        ["sweep", "--loss", "0.5*(a*b*x - y)^2", "--params", "a,b", "--data", data, "--at", "1,1", "--eta", "0.1,0.2", "--batch", "1,N", "--quiet", .. more];

    private string Data(string name = "d.csv", string rows = "0.9,0.9\n2.5,2.5\n") => Write(name, "x,y\n" + rows);

    private string Computed(string name, string? data = null, params string[] more)
    {
        var path = PathOf(name);
        BadInput.Expect(0, [], Sweep(data ?? Data(), ["--out", path, .. more]));
        return path;
    }

    private static void Unchanged(string path, byte[] before) => Assert.Equal(before, File.ReadAllBytes(path));

    [Fact]
    public void Resuming_an_unchanged_sweep_changes_no_byte()
    {
        var path = Computed("s.jsonl");
        var before = File.ReadAllBytes(path);
        BadInput.Expect(0, [], Sweep(Data(), "--out", path, "--resume"));
        Unchanged(path, before);
    }

    [Theory]
    [InlineData("--data", "the data (--data)")]
    [InlineData("--loss", "the model or loss formula")]
    [InlineData("--max-steps", "the analysis options (--max-steps)")]
    public void Resuming_with_other_inputs_is_refused_saying_what_differs(string changed, string says)
    {
        var path = Computed("s.jsonl");
        var before = File.ReadAllBytes(path);
        string[] args = changed switch
        {
            "--data" => Sweep(Data("other.csv", "0.9,0.9\n2.5,2.5\n3,3\n"), "--out", path, "--resume"),
            "--loss" => [.. Sweep(Data(), "--out", path, "--resume").Select(a => a == "0.5*(a*b*x - y)^2" ? "(a*b*x - y)^2" : a)],
            _ => Sweep(Data(), "--out", path, "--resume", "--max-steps", "1000"),
        };
        BadInput.Expect(4, ["--resume:", path, "line 1", says], args);
        Unchanged(path, before);
    }

    [Fact]
    public void A_last_row_without_its_newline_is_ended_before_the_next_row()
    {
        var path = Computed("s.jsonl");
        var full = File.ReadAllLines(path);
        File.WriteAllText(path, full[0] + "\n" + full[1]);
        BadInput.Expect(0, [], Sweep(Data(), "--out", path, "--resume"));
        Assert.Equal(full, File.ReadAllLines(path));
    }

    [Fact]
    public void An_interrupted_row_is_cut_off_byte_for_byte_and_recomputed()
    {
        var path = Computed("s.jsonl");
        var full = File.ReadAllText(path);
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, lines[0] + "\n" + lines[1][..150]);
        BadInput.Expect(0, [], Sweep(Data(), "--out", path, "--resume"));
        Assert.Equal(full, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("hello", false)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("{\"index\":0,\"key\":\"Other|", false)]
    [InlineData("{\"index\":0,\"ke", true)]
    public void A_last_line_is_cut_off_only_when_it_is_the_start_of_a_row_of_this_sweep(string tail, bool cut)
    {
        var path = Write("s.jsonl", tail);
        if (!cut)
        {
            BadInput.Expect(4, ["--resume:", path, "line 1"], Sweep(Data(), "--out", path, "--resume"));
            Assert.Equal(tail, File.ReadAllText(path));
            return;
        }
        BadInput.Expect(0, [], Sweep(Data(), "--out", path, "--resume"));
        Assert.Equal(4, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void A_cut_row_followed_by_a_newline_is_not_an_interruption_and_is_left_alone()
    {
        var path = Computed("s.jsonl");
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, lines[0] + "\n" + lines[1][..150] + "\n");
        var before = File.ReadAllBytes(path);
        BadInput.Expect(4, ["--resume:", "line 2", "not a sweep row"], Sweep(Data(), "--out", path, "--resume"));
        Unchanged(path, before);
    }

    [Fact]
    public void A_cut_row_of_another_sweep_is_left_alone()
    {
        var other = File.ReadAllLines(Computed("other.jsonl", Data("o.csv", "1,1\n2,2\n")));
        var path = Computed("s.jsonl");
        File.AppendAllText(path, other[0][..200]);
        var before = File.ReadAllBytes(path);
        BadInput.Expect(4, ["--resume:", "line 5", "not the start of a row of this sweep"], Sweep(Data(), "--out", path, "--resume"));
        Unchanged(path, before);
    }

    [Fact]
    public void Rows_without_an_inputs_fingerprint_are_not_taken_for_this_sweep()
    {
        var path = Write("old.jsonl", "{\"index\":0,\"key\":\"Formula|start=1,1|eta=0.1|B=1|without-replacement|seed=1\",\"status\":\"ok\"}\n");
        var before = File.ReadAllBytes(path);
        BadInput.Expect(4, ["--resume:", "line 1", "no \"inputs\""], Sweep(Data(), "--out", path, "--resume"));
        Unchanged(path, before);
        BadInput.Expect(4, ["merge:", "no \"inputs\""], "merge", path);
    }

    [Fact]
    public void Merging_shards_of_different_data_is_refused_saying_what_differs()
    {
        var a = Computed("a.jsonl", null, "--shard", "0/2");
        var b = Computed("b.jsonl", Data("o.csv", "1,1\n2,2\n"), "--shard", "1/2");
        var merged = Write("merged.jsonl", "keep me\n");
        BadInput.Expect(4, ["merge:", "different inputs", "the data (--data)"], "merge", a, b, "--out", merged);
        Assert.Equal("keep me\n", File.ReadAllText(merged));
    }

    private (string A, string B) ConflictingShards()
    {
        var a = Computed("a.jsonl");
        var lines = File.ReadAllLines(a);
        var b = Write("b.jsonl", lines[0].Replace("\"status\":\"ok\"", "\"status\":\"ok\",\"edited\":true") + "\n");
        return (a, b);
    }

    [Fact]
    public void Conflicting_rows_stop_a_merge_unless_allowed_and_then_the_first_is_kept_and_reported()
    {
        var (a, b) = ConflictingShards();
        var merged = PathOf("merged.jsonl");
        BadInput.Expect(4, ["merge:", "1 conflicting row", $"{a}, line 1 and {b}, line 1", "--allow-conflicts"], "merge", a, b, "--out", merged);
        Assert.False(File.Exists(merged));

        var (output, error) = BadInput.Expect(0, ["warning:", "the same key with different rows"], "merge", a, b, "--out", merged, "--allow-conflicts", "--json");
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("conflicts").GetInt32());
        Assert.Equal(File.ReadAllLines(a), File.ReadAllLines(merged));
    }

    [Fact]
    public void A_cut_row_in_a_shard_stops_a_merge_unless_allowed()
    {
        var a = Computed("a.jsonl", null, "--shard", "0/2");
        var b = Computed("b.jsonl", null, "--shard", "1/2");
        var lines = File.ReadAllLines(b);
        File.WriteAllText(b, lines[0] + "\n" + lines[1][..120]);
        BadInput.Expect(4, ["merge:", b, "line 2", "cut short"], "merge", a, b);
        var (output, _) = BadInput.Expect(0, ["warning:"], "merge", a, b, "--allow-conflicts");
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_missing_shard_is_a_gap_that_stops_a_merge_unless_allowed()
    {
        var a = Computed("a.jsonl", null, "--shard", "1/2");
        BadInput.Expect(4, ["merge:", "grid indices 0, 2", "no row"], "merge", a);
        BadInput.Expect(0, ["warning:"], "merge", a, "--allow-conflicts");
    }

    [Fact]
    public void Shards_of_one_sweep_still_merge_to_the_unsharded_rows()
    {
        var all = Computed("all.jsonl");
        var a = Computed("a.jsonl", null, "--shard", "0/2");
        var b = Computed("b.jsonl", null, "--shard", "1/2");
        var merged = PathOf("merged.jsonl");
        var (_, error) = BadInput.Expect(0, [], "merge", b, a, "--out", merged, "--quiet");
        Assert.Empty(error);
        Assert.Equal(File.ReadAllBytes(all), File.ReadAllBytes(merged));
    }
}
