namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// A saved run whose JSON is valid but whose values are not what a saved run holds (a number
/// among the events, a lone surrogate in a string) is bad input: exit 2 with the file and the
/// field named, from `run --replay` and from `tui` alike.
/// </summary>
public sealed class SavedRunInputTests
{
    private const string Script = "mutex m\\nthread t:\\n    lock m\\n    unlock m\\n";

    private static string SavedRun(string script = Script, string file = "x.ipl", string scheduler = "round-robin", string run = "t", string events = "\"t locks m\"") =>
        $$"""
        {"format": "ipclab-run/1", "scriptFile": "{{file}}", "scheduler": "{{scheduler}}", "script": "{{script}}",
         "schedule": [{"run": "{{run}}"}, {"run": "t"}], "events": [{{events}}]}
        """;

    public static TheoryData<string, string> BadRuns => new()
    {
        { SavedRun(events: "1"), "\"events\" item 1 is not a string (each item is the sentence of one event)" },
        { SavedRun(events: "\"t locks m\", {\"x\": 1}"), "\"events\" item 2 is not a string" },
        { SavedRun(events: "\"\\ud800\""), "\"events\" item 1 is not valid text (it holds a lone surrogate, half of a UTF-16 pair, such as \\ud800)" },
        { SavedRun(script: "mutex m\\ud800"), "the field \"script\" is not valid text" },
        { SavedRun(file: "\\udc00.ipl"), "the field \"scriptFile\" is not valid text" },
        { SavedRun(scheduler: "\\ud800"), "the field \"scheduler\" is not valid text" },
        { SavedRun(run: "t\\ud800"), "schedule entry 1 (\"run\") is not valid text" },
        { SavedRun().Replace("ipclab-run/1", "ipclab-run/1\\ud800", StringComparison.Ordinal), "the field \"format\" is not valid text" },
        { SavedRun().Replace("{\"run\": \"t\"}]", "{\"run\": \"t\", \"wakes\": \"\\ud800\"}]", StringComparison.Ordinal), "schedule entry 2 (\"wakes\") is not valid text" },
        { SavedRun().Replace("\"events\": [\"t locks m\"]", "\"events\": \"t locks m\"", StringComparison.Ordinal), "the field \"events\" is not an array of sentences" },
    };

    [Theory]
    [MemberData(nameof(BadRuns))]
    public void Replay_SavedRunWithBadValue_NamesTheFileAndTheFieldAndExitsTwo(string json, string message)
    {
        using var dir = new TempDir();
        var path = dir.File("run.json");
        File.WriteAllText(path, json);

        var run = CliRun.Of("run", path, "--replay", path);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ipclab: {path}: ", run.Err, StringComparison.Ordinal);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRuns))]
    public void Tui_SavedRunWithBadValue_IsReportedBeforeTheTerminal(string json, string message)
    {
        using var dir = new TempDir();
        var path = dir.File("run.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<IpcLab.InputException>(() => IpcLab.TuiVerb.Open(path, null));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_GoodSavedRun_StillReplays()
    {
        using var dir = new TempDir();
        var path = dir.File("run.json");
        File.WriteAllText(path, SavedRun(events: "\"t locks m\", \"t unlocks m\", \"t finishes\""));

        var run = CliRun.Of("run", path, "--replay", path);

        Assert.Equal(0, run.Exit);
        Assert.Contains("result: ok: every thread finished", run.Out, StringComparison.Ordinal);
    }
}
