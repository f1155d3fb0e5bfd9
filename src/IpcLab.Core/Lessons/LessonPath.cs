using System.Text.RegularExpressions;

namespace IpcLab.Core.Lessons;

/// <summary>
/// The path: the lessons of a folder, <c>NN-name.md</c>, in the order of NN. Ids must be unique
/// and prerequisites must name lessons that come before.
/// </summary>
public static partial class LessonPath
{
    /// <summary>True for a lesson's file name (<c>01-lost-update.md</c>).</summary>
    public static bool IsLessonFile(string fileName) => LessonName().IsMatch(fileName);

    /// <summary>Orders the lessons by file name and checks ids and prerequisites; problems are errors at the lesson's position.</summary>
    public static IReadOnlyList<Lesson> Order(IEnumerable<Lesson> lessons)
    {
        var path = lessons.OrderBy(l => Path.GetFileName(l.File), StringComparer.Ordinal).ToArray();
        var seen = new Dictionary<string, Lesson>();
        foreach (var lesson in path)
        {
            if (seen.TryGetValue(lesson.Id, out var other))
            {
                throw new LessonError(lesson.File, lesson.IdPos, $"id '{lesson.Id}' is already the id of {Path.GetFileName(other.File)}");
            }

            foreach (var pre in lesson.Prerequisites.Where(p => !seen.ContainsKey(p)))
            {
                throw new LessonError(lesson.File, lesson.PrerequisitesPos, $"prerequisite '{pre}' is not a lesson before this one on the path");
            }

            seen[lesson.Id] = lesson;
        }

        return path;
    }

    /// <summary>
    /// Orders the lessons as <see cref="Order"/> does, for a listing that must go on: a lesson whose
    /// id repeats an earlier one is left out, and it and every prerequisite that names no lesson
    /// before are added to <paramref name="problems"/> instead of stopping at the first.
    /// </summary>
    public static IReadOnlyList<Lesson> OrderForListing(IEnumerable<Lesson> lessons, ICollection<LessonError> problems)
    {
        var path = new List<Lesson>();
        var seen = new Dictionary<string, Lesson>();
        foreach (var lesson in lessons.OrderBy(l => Path.GetFileName(l.File), StringComparer.Ordinal))
        {
            if (seen.TryGetValue(lesson.Id, out var other))
            {
                problems.Add(new LessonError(lesson.File, lesson.IdPos, $"id '{lesson.Id}' is already the id of {Path.GetFileName(other.File)}"));
                continue;
            }

            foreach (var pre in lesson.Prerequisites.Where(p => !seen.ContainsKey(p)))
            {
                problems.Add(new LessonError(lesson.File, lesson.PrerequisitesPos, $"prerequisite '{pre}' is not a lesson before this one on the path"));
            }

            seen[lesson.Id] = lesson;
            path.Add(lesson);
        }

        return path;
    }

    [GeneratedRegex(@"^[0-9]{2}-[a-z0-9-]+\.md$")]
    private static partial Regex LessonName();
}
