using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// Strings are bounded (<see cref="StringTable.MaxLength"/> characters): a thread that makes a
/// longer one faults with a message that says so, and joins in an expression intern only the
/// string that is stored, not every piece on the way.
/// </summary>
public sealed class StringLimitTests
{
    private static readonly string Hundred = new('x', 100);

    [Fact]
    public void Concat_GrowingInALoopForever_FaultsWithStringTooLong()
    {
        var kernel = Run($"thread t:\n    s = \"\"\n    while true:\n        s = s + \"{Hundred}\"\n", maxSteps: 10_000);

        var finding = Assert.Single(kernel.Findings);
        Assert.Equal(FindingKind.Fault, finding.Kind);
        Assert.Equal(
            "t faults at line 4: string too long: joining 65,500 and 100 characters gives 65,600 characters (limit 65,536 characters)",
            finding.Text);
        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
    }

    [Fact]
    public void Concat_DoublingFortyTimes_FaultsAtTheFirstJoinOverTheLimit()
    {
        var kernel = Run("thread t:\n    s = \"ab\"\n    repeat 40:\n        s = s + s\n", maxSteps: 10_000);

        var finding = Assert.Single(kernel.Findings);
        Assert.Contains("string too long: joining 65,536 and 65,536 characters gives 131,072 characters (limit 65,536 characters)", finding.Text, StringComparison.Ordinal);
        Assert.Equal(StringTable.MaxLength, kernel.Strings[kernel.LocalValue(0, 0)].Length);
    }

    [Fact]
    public void Interpolation_OverTheLimit_FaultsWithStringTooLong()
    {
        var kernel = Run("thread t:\n    s = \"ab\"\n    repeat 40:\n        s = \"{s}{s}\"\n", maxSteps: 10_000);

        Assert.Contains("string too long: interpolating 2 parts gives 131,072 characters (limit 65,536 characters)", Assert.Single(kernel.Findings).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_ChainOfJoins_InternsOnlyTheStoredString()
    {
        var kernel = Run("thread t:\n    a = \"p\"\n    s = a + \"q\" + a + \"r\"\n    print s + \"!\" + s\n", maxSteps: 100);

        var texts = Enumerable.Range(0, kernel.Strings.Count).Select(i => kernel.Strings[i]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("pqpr", texts);
        Assert.Contains("pqpr!pqpr", texts);
        Assert.DoesNotContain("pq", texts);
        Assert.DoesNotContain("pqp", texts);
        Assert.DoesNotContain("pqpr!", texts);
        Assert.Empty(kernel.Findings);
    }

    [Fact]
    public void Lexer_LiteralLongerThanTheLimit_IsAPositionedError()
    {
        var source = $"thread t:\n    s = \"{new string('y', StringTable.MaxLength + 1)}\"\n";

        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("x.ipl", source));

        Assert.Equal(new SourcePos(2, 9), error.Pos);
        Assert.Contains("string too long: a string has at most 65,536 characters", error.Detail, StringComparison.Ordinal);
    }

    private static Kernel Run(string script, int maxSteps)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = maxSteps });
        Runner.Run(kernel, new RoundRobinScheduler());
        return kernel;
    }
}
