using System.Globalization;
using IpcLab.Core.Model;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Sampling;

/// <summary>The programs the sampler and the shrinker are measured on.</summary>
internal static class SamplingPrograms
{
    /// <summary>
    /// The bounded buffer with one condition variable and <c>signal</c> (Cargill's bug): P producers
    /// of K items, C consumers, capacity B. It deadlocks whenever 2B &lt; P + C: a signal meant for a
    /// producer wakes a consumer, until everybody waits.
    /// </summary>
    public static CompiledProgram OneConditionVariable(int p, int c, int b, int k) => KernelTestKit.Compile(string.Create(CultureInfo.InvariantCulture, $$"""
        queue buffer capacity {{b}}
        mutex m
        cond changed

        thread producer * {{p}}:
            for i in 1..{{k}}:
                lock m
                while full(buffer):
                    wait changed, m
                put buffer, i
                signal changed
                unlock m

        thread consumer * {{c}}:
            repeat {{p * k / c}}:
                lock m
                while empty(buffer):
                    wait changed, m
                take buffer -> job
                signal changed
                unlock m

        expect empty(buffer), "every item put was taken"
        """));

    /// <summary>Two unguarded increments (a 2-step race) while a watcher spins until both are done: random runs spin long, the shortest failing run does not.</summary>
    public static CompiledProgram RaceWithSpinner => KernelTestKit.Compile("""
        shared count = 0
        shared done = 0
        mutex m

        thread adder * 2:
            count = count + 1
            lock m
            done = done + 1
            unlock m

        thread watcher:
            while done < 2:
                pass

        expect count == 2, "both increments must count"
        """);

    /// <summary>
    /// Two threads lock two mutexes in opposite orders, but the second only starts once the first
    /// has gone round its loop <paramref name="rounds"/> times: the deadlock comes after some 3 x rounds steps.
    /// </summary>
    public static CompiledProgram LateDeadlock(int rounds) => KernelTestKit.Compile(string.Create(CultureInfo.InvariantCulture, $$"""
        mutex a
        mutex b
        shared started = 0

        thread first:
            repeat {{rounds}}:
                lock a
                unlock a
            started = 1
            lock a
            lock b
            unlock b
            unlock a

        thread second:
            while started == 0:
                pass
            lock b
            lock a
            unlock a
            unlock b
        """));

    /// <summary>A thread that never ends: every run uses its whole step budget.</summary>
    public static CompiledProgram Forever => KernelTestKit.Compile("""
        thread spinner:
            while true:
                pass
        """);
}
