using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.Tests.Lessons;

/// <summary>A lesson split at its programs: each section is what the narrative pane shows beside that program's run.</summary>
public sealed class LessonSectionTests
{
    [Fact]
    public void Split_LostUpdate_TwoSectionsEachWithItsCheckpointsAndTheTextThatLeadsToIt()
    {
        var sections = LessonSection.Split(LessonKit.Get("lost-update"));

        Assert.Equal(["broken", "fixed"], sections.Select(s => s.Program.Name));
        Assert.Equal([1, 2], sections[0].Parts.Where(p => p.Checkpoint is not null).Select(p => p.Checkpoint!.Number));
        Assert.Equal([3, 4], sections[1].Parts.Where(p => p.Checkpoint is not null).Select(p => p.Checkpoint!.Number));
        Assert.StartsWith("# The lost update", sections[0].Parts[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("## The fix: a mutex", sections[1].Parts[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, sections[0].Parts.Single(p => p.Challenge is not null).Challenge!.Number);
    }

    [Fact]
    public void Split_EveryLesson_KeepsEveryPartOnceInOrder()
    {
        foreach (var lesson in LessonKit.Path)
        {
            var parts = LessonSection.Split(lesson).SelectMany(s => s.Parts).ToArray();

            Assert.Equal(lesson.Parts, parts);
        }
    }
}
