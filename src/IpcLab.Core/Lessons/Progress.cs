using System.Text.Json;
using System.Text.Json.Nodes;

namespace IpcLab.Core.Lessons;

/// <summary>
/// What a student has done, per lesson id: the checkpoints answered right and the challenges
/// solved. Stored as JSON (<c>{"lessons":{"lost-update":{"checkpoints":[1,2],"challenges":[1]}}}</c>);
/// the command keeps it under the XDG state folder. Plain data: no I/O here.
/// </summary>
public sealed class Progress
{
    private readonly SortedDictionary<string, (SortedSet<int> Checkpoints, SortedSet<int> Challenges)> _lessons = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Id, int Challenge), int> _hints = [];

    public IReadOnlySet<int> CheckpointsOf(string id) => _lessons.TryGetValue(id, out var l) ? l.Checkpoints : new SortedSet<int>();

    public IReadOnlySet<int> ChallengesOf(string id) => _lessons.TryGetValue(id, out var l) ? l.Challenges : new SortedSet<int>();

    public void AnsweredRight(string id, int checkpoint) => Of(id).Checkpoints.Add(checkpoint);

    public void Solved(string id, int challenge) => Of(id).Challenges.Add(challenge);

    /// <summary>How many hints of a challenge the student has opened.</summary>
    public int HintsOpened(string id, int challenge) => _hints.GetValueOrDefault((id, challenge));

    /// <summary>Opens one more hint of a challenge; returns how many are open now.</summary>
    public int OpenHint(string id, int challenge)
    {
        Of(id);
        return _hints[(id, challenge)] = HintsOpened(id, challenge) + 1;
    }

    /// <summary>Every challenge solved; a lesson without challenges: every checkpoint answered right.</summary>
    public bool IsDone(Lesson lesson)
    {
        var challenges = lesson.Challenges.Select(c => c.Number).ToArray();
        return challenges.Length > 0
            ? challenges.All(ChallengesOf(lesson.Id).Contains)
            : lesson.Checkpoints.Select(c => c.Number).All(CheckpointsOf(lesson.Id).Contains);
    }

    /// <summary>Each lesson of the path (in order) with where the student stands.</summary>
    public IReadOnlyList<(Lesson Lesson, LessonState State)> States(IReadOnlyList<Lesson> path)
    {
        var done = path.Where(IsDone).Select(l => l.Id).ToHashSet();
        var current = false;
        var states = new List<(Lesson, LessonState)>();
        foreach (var lesson in path)
        {
            var state = done.Contains(lesson.Id) ? LessonState.Done
                : !lesson.Prerequisites.All(done.Contains) ? LessonState.Locked
                : current ? LessonState.Open
                : LessonState.Current;
            current |= state == LessonState.Current;
            states.Add((lesson, state));
        }

        return states;
    }

    public string ToJson()
    {
        var lessons = new JsonObject();
        foreach (var (id, (checkpoints, challenges)) in _lessons)
        {
            lessons[id] = new JsonObject
            {
                ["checkpoints"] = new JsonArray(checkpoints.Select(n => (JsonNode)n).ToArray()),
                ["challenges"] = new JsonArray(challenges.Select(n => (JsonNode)n).ToArray()),
                ["hints"] = new JsonObject(_hints.Where(h => h.Key.Id == id).OrderBy(h => h.Key.Challenge)
                    .Select(h => KeyValuePair.Create(h.Key.Challenge.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)h.Value))),
            };
        }

        return new JsonObject { ["lessons"] = lessons }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads progress saved by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not progress (with what is wrong).</exception>
    public static Progress Parse(string json)
    {
        var progress = new Progress();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}");
        }

        if (root is not JsonObject obj || obj["lessons"] is not JsonObject lessons)
        {
            throw new FormatException("expected an object with a \"lessons\" object");
        }

        foreach (var (id, value) in lessons)
        {
            var entry = progress.Of(id);
            foreach (var (field, into) in new[] { ("checkpoints", entry.Checkpoints), ("challenges", entry.Challenges) })
            {
                if (value?[field] is not JsonArray numbers)
                {
                    throw new FormatException($"lesson \"{id}\" has no \"{field}\" list");
                }

                foreach (var n in numbers)
                {
                    into.Add(n is JsonValue v && v.TryGetValue<int>(out var i) && i > 0
                        ? i
                        : throw new FormatException($"lesson \"{id}\": \"{field}\" holds {n?.ToJsonString() ?? "null"}, not a number above 0"));
                }
            }

            if (value?["hints"] is JsonObject hints)
            {
                foreach (var (challenge, count) in hints)
                {
                    progress._hints[(id, int.TryParse(challenge, out var c) && c > 0 ? c : throw new FormatException($"lesson \"{id}\": hints of challenge \"{challenge}\", which is not a number above 0"))] =
                        count is JsonValue v && v.TryGetValue<int>(out var n) && n >= 0 ? n : throw new FormatException($"lesson \"{id}\": hints of challenge {challenge} is not a count");
                }
            }
        }

        return progress;
    }

    private (SortedSet<int> Checkpoints, SortedSet<int> Challenges) Of(string id)
    {
        if (!_lessons.TryGetValue(id, out var entry))
        {
            _lessons[id] = entry = (new SortedSet<int>(), new SortedSet<int>());
        }

        return entry;
    }
}
