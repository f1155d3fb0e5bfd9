namespace IpcLab.Core.Tests.Cli;

/// <summary>
/// Tests that send a real signal to the test process. They run alone, after every other test, so
/// that no other test's file write is under way when the signal arrives.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealSignals
{
    public const string Name = "real signals";
}
