using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

public sealed class StreamSocketProperties
{
    private static readonly Gen<string> Message =
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'x', 'y', 'z', '0', '1'), n)).Select(cs => new string(cs));

    private static readonly Arbitrary<(int Buffer, int Chunk, string[] Messages)> Setup =
        (from buffer in Gen.Choose(1, 5)
         from chunk in Gen.Choose(1, 4)
         from count in Gen.Choose(0, 4)
         from messages in Gen.ArrayOf(Message, count)
         select (buffer, chunk, messages)).ToArbitrary();

    [Fact]
    public void Stream_AnyBuffersReadSizesAndSchedule_DeliversEveryByteInOrderOnce()
    {
        Prop.ForAll(Setup, KernelTestKit.Choices, (setup, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(SocketScripts.Stream(setup.Buffer, setup.Chunk, setup.Messages));
            var result = KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []));

            Assert.True(kernel.Findings.Count == 0, $"{result.Outcome}: {string.Join("; ", kernel.Findings.Select(f => f.Text))}\n{KernelTestKit.Trace(kernel)}");
            Assert.Equal(string.Concat(setup.Messages), SocketScripts.Local(kernel, "srv", "got"));
            var reads = kernel.Events.Where(e => e.Kind == EventKind.SocketReceived).Count();
            Assert.True(reads >= (string.Concat(setup.Messages).Length + setup.Chunk - 1) / setup.Chunk, "a read returned more than its count");
        }).Check(KernelTestKit.Config(300));
    }

    [Fact]
    public void Stream_ProcessCrashAtAnyPoint_PeerSeesEndOfFileAndNobodyStaysQueued()
    {
        Prop.ForAll(Setup, KernelTestKit.Choices, Gen.Choose(0, 40).ToArbitrary(), (setup, choices, crashAt) =>
        {
            var kernel = KernelTestKit.NewKernel(SocketScripts.Stream(setup.Buffer, setup.Chunk, setup.Messages, clientCloses: false));
            var scheduler = new ChoiceScheduler(choices, []);
            var client = kernel.Program.Processes.Single(p => p.Name == "client").Id;
            var runnable = new int[kernel.Layout.ThreadCount];
            var crashed = false;
            while (true)
            {
                // Crash the client once it holds its descriptor and the chosen step has come.
                if (!crashed && kernel.StepCount >= crashAt && kernel.IsProcessAlive(client) && kernel.DescriptorsOf(client).Count > 0)
                {
                    kernel.InjectProcessCrash(client);
                    crashed = true;
                    Assert.Empty(kernel.DescriptorsOf(client));
                }

                var n = kernel.CollectRunnable(runnable);
                if (n == 0)
                {
                    break;
                }

                kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            }

            kernel.Conclude();
            var context = KernelTestKit.Trace(kernel);
            Assert.True(SocketScripts.Waiting(kernel).Length == 0, $"a thread is still queued:\n{context}");
            Assert.True(kernel.StatusOf(KernelTestKit.ThreadId(kernel, "srv")) == ThreadStatus.Finished, context);
            Assert.StartsWith(SocketScripts.Local(kernel, "srv", "got"), string.Concat(setup.Messages), StringComparison.Ordinal);
            Assert.Contains(kernel.Events, e => e.Kind == EventKind.SocketEndOfFile);
        }).Check(KernelTestKit.Config(300));
    }

    [Fact]
    public void Replay_SavedScheduleWithProcessCrash_SameSentencesAndStateHash()
    {
        Prop.ForAll(Setup, KernelTestKit.Choices, KernelTestKit.Choices, (setup, choices, injections) =>
        {
            var text = SocketScripts.Stream(setup.Buffer, setup.Chunk, setup.Messages);
            var original = KernelTestKit.NewKernel(text);
            var scheduler = new ChoiceScheduler(choices, []);
            var runnable = new int[original.Layout.ThreadCount];
            for (var i = 0; ; i++)
            {
                var x = injections.Length == 0 ? 0 : injections[i % injections.Length] & int.MaxValue;
                var alive = original.Program.Processes.Where(p => original.IsProcessAlive(p.Id)).ToArray();
                if (x % 23 == 22 && alive.Length > 0)
                {
                    original.InjectProcessCrash(alive[x / 23 % alive.Length].Id);
                    continue;
                }

                var n = original.CollectRunnable(runnable);
                if (n == 0)
                {
                    break;
                }

                original.Step(scheduler.ChooseThread(original, runnable.AsSpan(0, n)), scheduler);
            }

            original.Conclude();
            var copy = KernelTestKit.NewKernel(text);
            IpcLab.Core.Scheduling.Runner.Replay(copy, original.Schedule.ToArray());

            Assert.Equal(KernelTestKit.Sentences(original), KernelTestKit.Sentences(copy));
            Assert.Equal(original.StateHash(), copy.StateHash());
            Assert.Equal(StateDump.Of(original), StateDump.Of(copy));
            Assert.Equal(original.Findings, copy.Findings);
        }).Check(KernelTestKit.Config(200));
    }
}
