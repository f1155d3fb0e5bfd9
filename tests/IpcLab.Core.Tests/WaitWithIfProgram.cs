namespace IpcLab.Core.Tests;

/// <summary>
/// The program the tests of injected spurious wake-ups share: with <c>if</c>, a waiter woken
/// without a signal goes on although nothing changed, so it is safe only while every wake-up is a
/// signal's. No schedule of the program alone fails its assertion; a spurious wake-up does, in 6 steps.
/// </summary>
internal static class WaitWithIfProgram
{
    public const string Text = """
        mutex m
        cond c
        shared ready = 0

        thread waiter:
            lock m
            if ready == 0:
                wait c, m
            assert ready == 1, "woke up before ready"
            unlock m

        thread setter:
            lock m
            ready = 1
            signal c
            unlock m
        """;
}
