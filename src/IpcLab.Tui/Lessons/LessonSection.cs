using IpcLab.Core.Lessons;

namespace IpcLab.Tui.Lessons;

/// <summary>
/// The part of a lesson that goes with one of its programs: the text that leads up to the
/// program's block, the block, and the checkpoints, challenges and text after it, up to the
/// text that leads to the next program. The narrative pane shows the section of the program on
/// the run screen.
/// </summary>
public sealed record LessonSection(LessonProgram Program, IReadOnlyList<LessonPart> Parts)
{
    /// <summary>
    /// Splits a lesson at its programs. The text right before a program's block (with no
    /// checkpoint or challenge in between) introduces that program, so it opens its section;
    /// the text before the first program belongs to the first section.
    /// </summary>
    public static IReadOnlyList<LessonSection> Split(Lesson lesson)
    {
        var sections = new List<(LessonProgram Program, List<LessonPart> Parts)>();
        var leading = new List<LessonPart>();
        foreach (var part in lesson.Parts)
        {
            if (part.Program is { } program)
            {
                sections.Add((program, [.. leading, part]));
                leading.Clear();
            }
            else if (part.Text is not null)
            {
                leading.Add(part);
            }
            else
            {
                if (sections.Count > 0)
                {
                    sections[^1].Parts.AddRange(leading);
                    sections[^1].Parts.Add(part);
                }

                leading.Clear();
            }
        }

        if (sections.Count > 0)
        {
            sections[^1].Parts.AddRange(leading);
        }

        return sections.Select(s => new LessonSection(s.Program, s.Parts)).ToArray();
    }
}
