using IpcLab.Fuzz;

namespace IpcLab.Core.Tests.Fuzz;

/// <summary>The mutators are deterministic by seed and change something; the judge tells a clean exit from a crash.</summary>
public sealed class MutatorTests
{
    private const string Script = "mutex m\n\nthread t * 2:\n    repeat 3:\n        lock m\n        unlock m\n";

    [Fact]
    public void Script_SameSeed_GivesTheSameMutant()
    {
        var first = Enumerable.Range(1, 50).Select(s => new Mutator((ulong)s).Script(Script)).ToArray();
        var again = Enumerable.Range(1, 50).Select(s => new Mutator((ulong)s).Script(Script)).ToArray();

        Assert.Equal(first, again);
        Assert.True(first.Distinct(StringComparer.Ordinal).Count() > 40, "different seeds give different mutants");
    }

    [Fact]
    public void SavedRun_SameSeed_GivesTheSameMutant()
    {
        const string json = "{\"format\": \"ipclab-run/1\", \"scriptFile\": \"x.ipl\", \"script\": \"mutex m\\nthread t:\\n    lock m\\n\", \"schedule\": [{\"run\": \"t\"}], \"events\": [\"t locks m\"]}";

        var first = Enumerable.Range(1, 50).Select(s => new JsonMutator(new Mutator((ulong)s)).SavedRun(json)).ToArray();
        var again = Enumerable.Range(1, 50).Select(s => new JsonMutator(new Mutator((ulong)s)).SavedRun(json)).ToArray();

        Assert.Equal(first, again);
        Assert.True(first.Count(m => m != json) > 40, "almost every mutant changes the run");
    }

    [Theory]
    [InlineData(0, "", null)]
    [InlineData(1, "note: x.ipl differs from the scenario saved in r.json; replaying the saved scenario\n", null)]
    [InlineData(2, "ipclab: x.ipl:3:5: unknown operation 'lok'\n", null)]
    [InlineData(2, "ipclab: x.ipl:4:1: unexpected end of the file\n", null)]
    [InlineData(2, "ipclab: x.ipl:9:1: something\n", "line 9 is outside x.ipl, which has 4 lines")]
    [InlineData(2, "ipclab: x.ipl:3:40: something\n", "column 40 is outside line 3 of x.ipl, which has 9 characters")]
    [InlineData(2, "", "exit 2 without an error message")]
    [InlineData(1, "ipclab: a finding\n", "an unexpected line on stderr after exit 1: ipclab: a finding")]
    [InlineData(2, "ipclab: oops System.NullReferenceException\n", "an exception or a stack trace on stderr")]
    [InlineData(2, "ipclab: oops\n   at IpcLab.Cli.Execute()\n", "an exception or a stack trace on stderr")]
    [InlineData(70, "ipclab: internal error (x); this is a bug in ipclab, please report it: the details are in /tmp/x.log\n", "exit code 70")]
    public void Judge_ExitAndStderr_TellsACleanExitFromACrash(int exit, string stderr, string? problem)
    {
        var files = new Dictionary<string, string> { ["x.ipl"] = "mutex m\nthread t:\n    lok m\n" };

        Assert.Equal(problem, CliProbe.Judge(exit, stderr, files));
    }
}
