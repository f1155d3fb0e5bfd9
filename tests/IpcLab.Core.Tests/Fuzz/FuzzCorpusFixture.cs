using IpcLab.Fuzz;

namespace IpcLab.Core.Tests.Fuzz;

/// <summary>The lessons and a run of each saved by the real command, made once for the fuzz tests, in a folder deleted afterwards.</summary>
public sealed class FuzzCorpusFixture : IDisposable
{
    public FuzzCorpusFixture()
    {
        WorkDir = Path.Combine(Path.GetTempPath(), "ipclab-fuzz-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkDir);
        Corpus = Corpus.Load(Corpus.FindRoot(AppContext.BaseDirectory), WorkDir);
    }

    public string WorkDir { get; }

    public Corpus Corpus { get; }

    /// <summary>A probe with a folder of its own (a probe reuses its file names, so two never share one).</summary>
    public CliProbe NewProbe(string name)
    {
        var dir = Path.Combine(WorkDir, name);
        Directory.CreateDirectory(dir);
        return new CliProbe(Corpus, dir);
    }

    public void Dispose() => Directory.Delete(WorkDir, recursive: true);
}
