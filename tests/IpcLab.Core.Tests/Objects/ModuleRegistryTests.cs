using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Objects;

/// <summary>
/// The registry is the one place a kind, an operation or an event is known: these tests fail
/// loudly when a new one is added to the vocabulary but not to a module, where before a
/// forgotten arm of a switch compiled, passed and quietly degraded a feature.
/// </summary>
public sealed class ModuleRegistryTests
{
    [Fact]
    public void Operations_EveryOpCode_HasExactlyOneOwningModule()
    {
        foreach (var op in Enum.GetValues<OpCode>())
        {
            var owners = ObjectModules.All.Where(m => m.Operations.Any(s => s.Op == op)).Select(m => m.Name).ToArray();
            Assert.True(owners.Length == 1, $"{op} is owned by [{string.Join(", ", owners)}]");
            Assert.Equal(owners[0], ObjectModules.OwnerOf(op)!.Name);
        }
    }

    [Fact]
    public void Operations_EveryWordOfAnOperation_LeadsBackToIt()
    {
        foreach (var spec in ObjectModules.All.SelectMany(m => m.Operations))
        {
            foreach (var word in spec.Words)
            {
                Assert.Contains(ObjectModules.OperationsOf(word), s => s.Op == spec.Op);
            }
        }
    }

    [Fact]
    public void Events_EveryEventKind_HasOneOwnerANameAndAClass()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            var owners = ObjectModules.All.Where(m => m.Events.Any(s => s.Kind == kind)).Select(m => m.Name).ToArray();
            Assert.True(owners.Length == 1, $"{kind} is emitted by [{string.Join(", ", owners)}]");
            var spec = ObjectModules.SpecOf(kind);
            Assert.Equal(kind, spec.Kind);
            Assert.False(string.IsNullOrWhiteSpace(spec.Name), $"{kind} has no JSON name");
            Assert.True(Enum.IsDefined(spec.Class), $"{kind} has class {spec.Class}");
            Assert.Equal(spec.Name, EventText.KindName(kind));
        }
    }

    [Fact]
    public void Kinds_EveryObjectKind_HasExactlyOneModuleWithItsWords()
    {
        foreach (var kind in Enum.GetValues<ObjectKind>())
        {
            var modules = ObjectModules.Objects.Where(m => m.Kind == kind).ToArray();
            Assert.True(modules.Length == 1, $"{kind} has {modules.Length} modules");
            Assert.Same(modules[0], ObjectModules.Of(kind));
            Assert.False(string.IsNullOrWhiteSpace(modules[0].DeclarationWord), $"{kind} has no declaration word");
            Assert.False(string.IsNullOrWhiteSpace(modules[0].KindWord), $"{kind} has no name in words");
        }

        var words = ObjectModules.Objects.Select(m => m.DeclarationWord).ToArray();
        Assert.Equal(words.Length, words.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Describe_AnEventOfAnotherModule_Throws()
    {
        var program = KernelTestKit.Compile("mutex m\nthread a:\n  lock m\n  unlock m\n");
        var strings = new StringTable();
        foreach (var m in ObjectModules.All)
        {
            var foreign = Enum.GetValues<EventKind>().First(k => ObjectModules.OwnerOf(k) != m);
            var e = new KernelEvent(0, foreign, -1, -1, -1, -1, 0);
            var thrown = Record.Exception(() => m.Describe(new EventWords(e, program, strings)));
            Assert.True(thrown is ArgumentException, $"{m.Name} describes {foreign}: {thrown?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void Describe_EveryEventOfEveryLessonUnderSeveralSchedules_IsASentenceOfItsOwner()
    {
        var seen = new HashSet<EventKind>();
        foreach (var lesson in KernelTestKit.LessonFiles())
        {
            var program = KernelTestKit.CompileLesson(lesson);
            foreach (var seed in new ulong[] { 1, 2, 3 })
            {
                var kernel = KernelTestKit.NewKernel(program, KernelTestKit.Options with { MaxSteps = 2_000 });
                KernelTestKit.DriveWithInjections(kernel, new RandomScheduler(seed), seed == 3 ? [5, 1, 2, 40] : []);
                foreach (var e in kernel.Events)
                {
                    var owner = ObjectModules.OwnerOf(e.Kind)!;
                    var sentence = owner.Describe(new EventWords(e, program, kernel.Strings));
                    Assert.False(string.IsNullOrWhiteSpace(sentence), $"{lesson}: {e.Kind} has an empty sentence");
                    Assert.DoesNotContain(e.Kind.ToString(), sentence, StringComparison.Ordinal);
                    seen.Add(e.Kind);
                }
            }
        }

        // The lessons reach most of the vocabulary; the sentence snapshot tests cover the rest.
        Assert.True(seen.Count > Enum.GetValues<EventKind>().Length / 2, $"only {seen.Count} kinds of event were seen");
    }
}
