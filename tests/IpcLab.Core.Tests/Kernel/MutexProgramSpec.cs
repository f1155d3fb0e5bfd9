using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace IpcLab.Core.Tests.KernelTests;

/// <summary>
/// A generated mutual-exclusion program: 1–4 threads, 1–2 mutexes; thread i repeats
/// <c>Repeats[i]</c> times its 1–3 critical sections <c>Sections[i]</c>. Without
/// <see cref="Guarded"/> the same program leaves out its lock and unlock lines.
/// </summary>
public sealed record MutexProgramSpec(int Mutexes, IReadOnlyList<int> Repeats, IReadOnlyList<IReadOnlyList<CriticalSection>> Sections, bool Guarded = true)
{
    public int ThreadCount => Sections.Count;

    /// <summary>Generates specs with a shrinker that removes threads, sections and statements.</summary>
    public static Arbitrary<MutexProgramSpec> Arbitrary(int minThreads = 1, bool guarded = true) =>
        Arb.From(Generator(minThreads, guarded), spec => spec.Shrink(minThreads));

    public static Gen<MutexProgramSpec> Generator(int minThreads, bool guarded) =>
        from mutexes in Gen.Choose(1, 2)
        from threads in Gen.Choose(minThreads, 4)
        from repeats in Gen.Choose(1, 2).ListOf(threads)
        from sections in SectionsGen(mutexes).ListOf(threads)
        select new MutexProgramSpec(mutexes, repeats.ToArray(), sections.ToArray(), guarded);

    private static Gen<IReadOnlyList<CriticalSection>> SectionsGen(int mutexes) =>
        from count in Gen.Choose(1, 3)
        from list in SectionGen(mutexes).ListOf(count)
        select (IReadOnlyList<CriticalSection>)list.ToArray();

    private static Gen<CriticalSection> SectionGen(int mutexes) =>
        from mutex in Gen.Choose(0, mutexes - 1)
        from extraCount in Gen.Choose(0, 2)
        from extras in Gen.Elements(Enum.GetValues<CriticalStatement>()).ListOf(extraCount)
        select new CriticalSection(mutex, extras.ToArray());

    /// <summary>How many times the critical sections of mutex k increment <c>total{k}</c> in all.</summary>
    public int ExpectedTotal(int mutex) =>
        Enumerable.Range(0, ThreadCount)
            .Sum(t => Repeats[t] * Sections[t].Where(s => s.Mutex == mutex).Sum(s => s.Extras.Count(x => x == CriticalStatement.Count)));

    /// <summary>The program as script text.</summary>
    public string ToScript()
    {
        var sb = new StringBuilder();
        for (var k = 0; k < Mutexes; k++)
        {
            sb.Append("mutex m").Append(k).Append('\n');
            sb.Append("shared inside").Append(k).Append(" = 0\n");
            sb.Append("shared total").Append(k).Append(" = 0\n");
        }

        for (var t = 0; t < ThreadCount; t++)
        {
            sb.Append("\nthread t").Append(t).Append(":\n");
            sb.Append("    repeat ").Append(Repeats[t]).Append(":\n");
            foreach (var section in Sections[t])
            {
                var k = section.Mutex;
                const string I = "        ";
                if (Guarded)
                {
                    sb.Append(I).Append("lock m").Append(k).Append('\n');
                }

                sb.Append(I).Append($"inside{k} = inside{k} + 1\n");
                sb.Append(I).Append($"assert inside{k} == 1, \"two threads inside the section of m{k}\"\n");
                foreach (var extra in section.Extras)
                {
                    sb.Append(I).Append(extra switch
                    {
                        CriticalStatement.Count => $"total{k} = total{k} + 1",
                        CriticalStatement.Read => $"seen = inside{k}",
                        CriticalStatement.Print => $"print \"{{self}} is inside m{k}\"",
                        CriticalStatement.Pass => "pass",
                        _ => $"assert inside{k} == 1, \"{{self}} is not alone in m{k}\"",
                    }).Append('\n');
                }

                sb.Append(I).Append($"inside{k} = inside{k} - 1\n");
                if (Guarded)
                {
                    sb.Append(I).Append("unlock m").Append(k).Append('\n');
                }
            }
        }

        sb.Append('\n');
        for (var k = 0; k < Mutexes; k++)
        {
            sb.Append($"expect total{k} == {ExpectedTotal(k)}, \"every guarded increment of total{k} counts\"\n");
            sb.Append($"expect inside{k} == 0\n");
        }

        return sb.ToString();
    }

    public override string ToString() => "\n" + ToScript();

    private IEnumerable<MutexProgramSpec> Shrink(int minThreads)
    {
        if (ThreadCount > minThreads)
        {
            for (var t = 0; t < ThreadCount; t++)
            {
                yield return this with { Repeats = Without(Repeats, t), Sections = Without(Sections, t) };
            }
        }

        if (Mutexes > 1)
        {
            yield return this with { Mutexes = 1, Sections = Sections.Select(list => (IReadOnlyList<CriticalSection>)list.Select(s => s with { Mutex = 0 }).ToArray()).ToArray() };
        }

        for (var t = 0; t < ThreadCount; t++)
        {
            if (Repeats[t] > 1)
            {
                yield return this with { Repeats = Repeats.Select((r, i) => i == t ? 1 : r).ToArray() };
            }

            var sections = Sections[t];
            for (var s = 0; s < sections.Count; s++)
            {
                if (sections.Count > 1)
                {
                    yield return WithSections(t, Without(sections, s));
                }

                for (var x = 0; x < sections[s].Extras.Count; x++)
                {
                    var smaller = sections[s] with { Extras = Without(sections[s].Extras, x) };
                    yield return WithSections(t, sections.Select((old, i) => i == s ? smaller : old).ToArray());
                }
            }
        }
    }

    private MutexProgramSpec WithSections(int thread, IReadOnlyList<CriticalSection> sections) =>
        this with { Sections = Sections.Select((old, i) => i == thread ? sections : old).ToArray() };

    private static T[] Without<T>(IReadOnlyList<T> list, int index) => list.Where((_, i) => i != index).ToArray();
}
