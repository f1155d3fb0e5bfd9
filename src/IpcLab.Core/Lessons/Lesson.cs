namespace IpcLab.Core.Lessons;

/// <summary>
/// A lesson read from <c>lessons/NN-name.md</c>: its front matter, its narrative and programs, its
/// checkpoints and challenges, in the order of the file (see <see cref="LessonParser"/>).
/// </summary>
public sealed class Lesson
{
    public required string File { get; init; }

    public required string Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> Concepts { get; init; }

    /// <summary>Where the concepts are listed, for errors about them.</summary>
    public Script.SourcePos ConceptsPos { get; init; }

    /// <summary>Where the id is written, for errors about it.</summary>
    public Script.SourcePos IdPos { get; init; }

    /// <summary>Where the prerequisites are listed (the id's position when there are none), for errors about them.</summary>
    public Script.SourcePos PrerequisitesPos { get; init; }

    public required IReadOnlyList<string> Prerequisites { get; init; }

    /// <summary>The rough duration as written (<c>15 min</c>).</summary>
    public required string Duration { get; init; }

    public required IReadOnlyList<LessonPart> Parts { get; init; }

    public IEnumerable<LessonProgram> Programs => Parts.Where(p => p.Program is not null).Select(p => p.Program!);

    public IEnumerable<Checkpoint> Checkpoints => Parts.Where(p => p.Checkpoint is not null).Select(p => p.Checkpoint!);

    public IEnumerable<Challenge> Challenges => Parts.Where(p => p.Challenge is not null).Select(p => p.Challenge!);

    public LessonProgram ProgramNamed(string name) => Programs.First(p => p.Name == name);

    /// <summary>The concepts of the front matter that no checkpoint and no challenge exercises.</summary>
    public IEnumerable<string> UncoveredConcepts =>
        Concepts.Where(c => !Checkpoints.Any(k => k.Concepts.Contains(c)) && !Challenges.Any(k => k.Concepts.Contains(c)));
}
