using System.Text;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sockets;

/// <summary>Generated socket programs and helpers to read their results.</summary>
public static class SocketScripts
{
    /// <summary>
    /// A server that accepts one connection and reads it to end-of-file in chunks of at most
    /// <paramref name="chunk"/> bytes into <c>got</c>; a client that sends each message, then closes.
    /// </summary>
    public static string Stream(int buffer, int chunk, IReadOnlyList<string> messages, bool clientCloses = true)
    {
        var sb = new StringBuilder();
        sb.Append($"socket s path \"/tmp/s\" backlog 1 buffer {buffer}\nsemaphore ready\n\n");
        sb.Append("process server:\n    thread srv:\n        listen s -> lfd\n        V ready\n        accept lfd -> cfd\n        got = \"\"\n");
        sb.Append($"        recv cfd, {chunk} -> part\n        while part != \"\":\n            got += part\n            recv cfd, {chunk} -> part\n        close cfd\n\n");
        sb.Append("process client:\n    thread cli:\n        P ready\n        connect s -> fd\n");
        foreach (var m in messages)
        {
            sb.Append($"        send fd, \"{m}\"\n");
        }

        if (clientCloses)
        {
            sb.Append("        close fd\n");
        }

        return sb.ToString();
    }

    /// <summary>A receiver bound to a datagram socket takes <paramref name="messages"/>.Count datagrams; two senders send the two halves.</summary>
    public static string Datagrams(int capacity, IReadOnlyList<string> messages)
    {
        var sb = new StringBuilder();
        sb.Append($"dgram d path \"/tmp/d\" capacity {capacity}\nsemaphore ready\nqueue got capacity {Math.Max(1, messages.Count)}\n\n");
        sb.Append($"thread receiver:\n    bind d -> fd\n    V ready\n    V ready\n    repeat {messages.Count}:\n        recv fd -> m\n        put got, m\n");
        var half = messages.Count / 2;
        AppendSender(sb, "a", messages.Take(half));
        AppendSender(sb, "b", messages.Skip(half));
        return sb.ToString();
    }

    private static void AppendSender(StringBuilder sb, string name, IEnumerable<string> messages)
    {
        sb.Append($"\nthread {name}:\n    P ready\n");
        foreach (var m in messages)
        {
            sb.Append($"    sendto d, \"{m}\"\n");
        }
    }

    /// <summary>A string local of a thread, by name.</summary>
    public static string Local(Kernel kernel, string thread, string local)
    {
        var t = KernelTestKit.ThreadId(kernel, thread);
        var slot = kernel.Program.Threads[t].Locals.Select((l, i) => (l, i)).Single(x => x.l.Name == local).i;
        return kernel.Strings[kernel.LocalValue(t, slot)];
    }

    /// <summary>Threads still in some wait queue.</summary>
    public static int[] Waiting(Kernel kernel) =>
        Enumerable.Range(0, kernel.Layout.ThreadCount).Where(t => kernel.WaitObjectOf(t) >= 0).ToArray();
}
