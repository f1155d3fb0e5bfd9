using IpcLab.Core.Lessons;

namespace IpcLab.Tui.Lessons;

/// <summary>The lesson on the run screen: its sections, which program runs, the checkpoints already asked in this sitting.</summary>
public sealed class OpenLesson(Lesson lesson)
{
    public Lesson Lesson { get; } = lesson;

    public IReadOnlyList<LessonSection> Sections { get; } = LessonSection.Split(lesson);

    /// <summary>The section of the program on the run screen.</summary>
    public int SectionIndex { get; set; }

    public LessonSection Section => Sections[SectionIndex];

    /// <summary>The checkpoints asked since the lesson opened (answered or skipped): each is asked once a sitting.</summary>
    public ISet<int> Asked { get; } = new HashSet<int>();

    /// <summary>How many events the run had when its last checkpoint was asked: a "first EVENT" pause looks only after them.</summary>
    public int EventMark { get; set; }

    /// <summary>The checkpoint the run pauses at next: the first of the program's not asked yet, in the order of the lesson.</summary>
    public Checkpoint? NextCheckpoint =>
        Lesson.Checkpoints.FirstOrDefault(c => c.Program == Section.Program.Name && !Asked.Contains(c.Number));
}
