using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

public sealed class DatagramAndSelectProperties
{
    private static readonly Gen<string> Word =
        Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', 'c', 'd'), n)).Select(cs => new string(cs));

    [Fact]
    public void Datagram_AnyCapacityAndSchedule_EachRecvIsOneWholeMessageInSenderOrder()
    {
        var setup = (from capacity in Gen.Choose(1, 3)
                     from count in Gen.Choose(1, 6)
                     from words in Gen.ArrayOf(Word, count)
                     select (capacity, words: words.Select((w, i) => $"{w}{i}").ToArray())).ToArbitrary();
        Prop.ForAll(setup, KernelTestKit.Choices, (s, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(SocketScripts.Datagrams(s.capacity, s.words));
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []));

            Assert.True(kernel.Findings.Count == 0, KernelTestKit.Trace(kernel));
            var got = kernel.QueueItems(KernelTestKit.ObjectId(kernel, "got")).Select(v => kernel.Strings[v]).ToArray();
            Assert.Equal(s.words.Order(StringComparer.Ordinal), got.Order(StringComparer.Ordinal));
            var half = s.words.Length / 2;
            Assert.Equal(s.words.Take(half), got.Where(s.words.Take(half).Contains));
            Assert.Equal(s.words.Skip(half), got.Where(s.words.Skip(half).Contains));
        }).Check(KernelTestKit.Config(300));
    }

    [Fact]
    public void Select_AnySchedule_ReturnsOnlyReadyDescriptorsAndWakesForEveryMessage()
    {
        var setup = Gen.ArrayOf(Word, 3).Select(w => w.Select((x, i) => $"{x}{i}").ToArray()).ToArbitrary();
        Prop.ForAll(setup, Gen.Choose(1, 3).ToArbitrary(), KernelTestKit.Choices, (words, buffer, choices) =>
        {
            var kernel = KernelTestKit.NewKernel(SelectServer(words, buffer));
            var srv = KernelTestKit.ThreadId(kernel, "srv");
            var selects = 0;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), k =>
            {
                // Right after select returns, the descriptor it gave must be readable: the recv
                // that follows (only srv reads) never blocks.
                if (k.Events.Count > 0 && k.Events[^1] is { Kind: EventKind.Selected } e && e.Thread == srv)
                {
                    selects++;
                }

                if (k.StatusOf(srv) == ThreadStatus.Blocked)
                {
                    Assert.True(k.NextInstruction(srv)!.Op is OpCode.Select or OpCode.Accept, $"srv blocked outside select:\n{KernelTestKit.Trace(k)}");
                }
            });

            Assert.True(kernel.Findings.Count == 0, KernelTestKit.Trace(kernel));
            Assert.True(selects >= 6, $"{selects} selects");
            // Reads of different connections interleave, and a small buffer splits words: every
            // byte arrives exactly once.
            var got = SocketScripts.Local(kernel, "srv", "log");
            Assert.Equal(string.Concat(words).Order(), got.Order());
        }).Check(KernelTestKit.Config(200));
    }

    /// <summary>One server thread, three clients; each client sends one word and closes.</summary>
    internal static string SelectServer(IReadOnlyList<string> words, int buffer)
    {
        var sb = new StringBuilder();
        sb.Append($"socket s path \"/tmp/s\" backlog 3 buffer {buffer}\nsemaphore ready\n\n");
        sb.Append("""
            process server:
                thread srv:
                    listen s -> lfd
                    V ready
                    V ready
                    V ready
                    accept lfd -> c1
                    accept lfd -> c2
                    accept lfd -> c3
                    log = ""
                    open = 3
                    while open > 0:
                        select c1, c2, c3 -> fd
                        recv fd, 8 -> part
                        if part == "":
                            close fd
                            open -= 1
                            if fd == c1: c1 = -1
                            elif fd == c2: c2 = -1
                            else: c3 = -1
                        else:
                            log += part

            """);
        for (var i = 0; i < words.Count; i++)
        {
            sb.Append($"process client{i}:\n    thread cli{i}:\n        P ready\n        connect s -> fd\n        send fd, \"{words[i]}\"\n        close fd\n");
        }

        return sb.ToString();
    }
}
