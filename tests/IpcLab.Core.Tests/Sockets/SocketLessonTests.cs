using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

public sealed class SocketLessonTests
{
    [Theory]
    [InlineData("socket-echo.ipl")]
    [InlineData("socket-select.ipl")]
    [InlineData("socket-datagram.ipl")]
    public void Lesson_RandomSchedules_NoFindingAndReplayIsExact(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), seed =>
        {
            var original = KernelTestKit.NewKernel(program);
            var ran = Runner.Run(original, new RandomScheduler(seed, false));
            Assert.True(original.Findings.Count == 0, $"{lesson}: {string.Join("; ", original.Findings.Select(f => f.Text))}");

            var copy = KernelTestKit.NewKernel(KernelTestKit.CompileLesson(lesson));
            var replayed = Runner.Replay(copy, original.Schedule.ToArray());
            Assert.Equal(KernelTestKit.Sentences(original), KernelTestKit.Sentences(copy));
            Assert.Equal(ran.StateHash, replayed.StateHash);
        }).Check(KernelTestKit.Config(100));
    }

    [Fact]
    public void Echo_SeedOne_ReadsAreSplitByTheSmallBuffer()
    {
        var kernel = KernelTestKit.NewKernel(KernelTestKit.CompileLesson("socket-echo.ipl"));
        Runner.Run(kernel, new RandomScheduler(1, false));

        var sentences = KernelTestKit.Sentences(kernel);
        Assert.Contains(sentences, s => s.StartsWith("cli sends \"hel\" on fd 3 (3 of 5 bytes) and blocks", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("srv gets \"he\" on fd 4 (2 of 3 bytes waiting", StringComparison.Ordinal));
        Assert.Contains("cli prints: the echo is hello", sentences);
    }
}
