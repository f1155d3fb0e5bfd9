using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// Reads a lesson: front matter between <c>---</c> lines, then Markdown in which fenced blocks
/// with the info strings <c>ipl</c>, <c>checkpoint</c> and <c>challenge</c> are the lesson's
/// programs, pauses and goals (the format is in <c>lessons/README.md</c>). Every mistake is a
/// <see cref="LessonError"/> at its line and column. The parser does no I/O: it reads included
/// programs through <paramref name="readFile"/>.
/// </summary>
public static class LessonParser
{
    private static readonly string[] FrontKeys = ["id", "title", "concepts", "prerequisites", "duration"];

    /// <param name="readFile">Returns the text of a file (a path made from the lesson's folder), or null when there is none.</param>
    public static Lesson Parse(string file, string text, Func<string, string?> readFile)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var front = ReadFrontMatter(file, lines, out var bodyStart);
        var parts = new List<LessonPart>();
        var programs = new Dictionary<string, LessonProgram>();
        var blocks = new List<(string Kind, BlockFields Fields)>();
        var prose = new List<string>();
        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                prose.Add(line);
                continue;
            }

            var fenceStart = new SourcePos(i + 1, 1);
            var info = line[3..].Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0)
            {
                throw new LessonError(file, fenceStart, "this ``` block is never closed (a line of three backticks ends it)");
            }

            var body = lines[(i + 1)..end];
            var kind = info.Split(' ', 2)[0];
            if (kind is "ipl" or "checkpoint" or "challenge")
            {
                Flush(parts, prose);
            }

            switch (kind)
            {
                case "ipl":
                    var program = ProgramBlock.Read(file, info, fenceStart, body, readFile);
                    if (!programs.TryAdd(program.Name, program))
                    {
                        throw new LessonError(file, fenceStart, $"a program named '{program.Name}' is already in this lesson; give each ipl block its own name=");
                    }

                    parts.Add(new LessonPart { Program = program });
                    break;
                case "checkpoint":
                    blocks.Add((kind, BlockFields.Read(file, "checkpoint", fenceStart, body, i + 2, CheckpointBlock.Keys)));
                    parts.Add(new LessonPart());
                    break;
                case "challenge":
                    blocks.Add((kind, BlockFields.Read(file, "challenge", fenceStart, body, i + 2, ChallengeBlock.Keys)));
                    parts.Add(new LessonPart());
                    break;
                default:
                    prose.AddRange(lines[i..(end + 1)]);
                    break;
            }

            i = end;
        }

        Flush(parts, prose);
        if (programs.Count == 0)
        {
            throw new LessonError(file, new SourcePos(bodyStart + 1, 1), "this lesson has no program: add an ```ipl block (written here, or file=PATH to include a .ipl file)");
        }

        // Checkpoints and challenges name programs and objects: read them once every program is known.
        var (checkpoints, challenges, b) = (0, 0, 0);
        var concepts = BlockFields.List(front.Required("concepts").Value);
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p].Text is not null || parts[p].Program is not null)
            {
                continue;
            }

            var (kind, fields) = blocks[b++];
            parts[p] = kind == "checkpoint"
                ? new LessonPart { Checkpoint = CheckpointBlock.Read(file, fields, ++checkpoints, programs, concepts) }
                : new LessonPart { Challenge = ChallengeBlock.Read(file, fields, ++challenges, programs, concepts) };
        }

        return new Lesson
        {
            File = file,
            Id = Identifier(file, front.Required("id")),
            Title = front.Required("title").Value,
            Concepts = concepts,
            ConceptsPos = front.Required("concepts").Pos,
            IdPos = front.Required("id").Pos,
            PrerequisitesPos = front.Optional("prerequisites")?.Pos ?? front.Required("id").Pos,
            Prerequisites = front.Optional("prerequisites") is { } pre ? BlockFields.List(pre.Value) : [],
            Duration = front.Required("duration").Value,
            Parts = parts,
        };
    }

    /// <summary>The programs' threads and objects, for the names a block may use.</summary>
    internal static LessonProgram ProgramOf(string file, BlockFields fields, IReadOnlyDictionary<string, LessonProgram> programs)
    {
        if (fields.Optional("program") is not { } named)
        {
            return programs.Values.First();
        }

        return programs.TryGetValue(named.Value, out var program)
            ? program
            : throw new LessonError(file, named.Pos, $"no program named '{named.Value}' in this lesson; its programs are {string.Join(", ", programs.Keys)}");
    }

    internal static void RequireThread(string file, CompiledProgram program, string name, SourcePos pos)
    {
        if (program.ThreadIdOf(name) < 0)
        {
            throw new LessonError(file, pos, $"no thread named '{name}' in the program; its threads are {string.Join(", ", program.Threads.Select(t => t.Name))}");
        }
    }

    private static string Identifier(string file, (string Value, SourcePos Pos) id) =>
        id.Value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? id.Value
            : throw new LessonError(file, id.Pos, $"an id is lower-case letters, digits and '-', not '{id.Value}'");

    private static BlockFields ReadFrontMatter(string file, string[] lines, out int bodyStart)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw new LessonError(file, new SourcePos(1, 1), "a lesson starts with its front matter: a line '---', then id:, title:, concepts:, duration: (and prerequisites:), then '---'");
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            throw new LessonError(file, new SourcePos(1, 1), "the front matter is never closed: add a line '---' after its fields");
        }

        // YAML's "- item" lines under a key become one comma-separated value.
        var body = new List<string>();
        foreach (var l in lines[1..end])
        {
            body.Add(l.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? "  " + l.TrimStart()[2..] + "," : l);
        }

        bodyStart = end + 1;
        return BlockFields.Read(file, "front matter", new SourcePos(1, 1), body, 2, FrontKeys);
    }

    private static void Flush(List<LessonPart> parts, List<string> prose)
    {
        var text = string.Join('\n', prose).Trim('\n');
        if (text.Trim().Length > 0)
        {
            parts.Add(new LessonPart { Text = text });
        }

        prose.Clear();
    }
}
