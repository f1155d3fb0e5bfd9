using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// An <c>ipl</c> block: <c>```ipl name=NAME [file=PATH] [schedule=SPEC]</c>. With <c>file=</c>
/// the program is that .ipl file (relative to the lesson's folder), and the block's body is empty
/// or a copy of the file (so the lesson reads whole on GitHub, and the copy can never drift).
/// Without it, the body is the program; its errors point into the lesson.
/// </summary>
internal static class ProgramBlock
{
    private static readonly string[] Attributes = ["name", "file", "schedule"];

    public static LessonProgram Read(string file, string info, SourcePos fence, string[] body, Func<string, string?> readFile)
    {
        var attrs = new Dictionary<string, (string Value, SourcePos Pos)>();
        foreach (var word in info.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var at = new SourcePos(fence.Line, 4 + FindColumn(info, word));
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? word : word[..eq];
            if (eq < 0 || !Attributes.Contains(key))
            {
                throw new LessonError(file, at, $"unknown ipl block attribute '{word}'; expected name=NAME, file=PATH or schedule=SPEC");
            }

            if (!attrs.TryAdd(key, (word[(eq + 1)..], at)))
            {
                throw new LessonError(file, at, $"the attribute '{key}' is given twice");
            }
        }

        var schedule = ScheduleSpec.RoundRobin;
        if (attrs.TryGetValue("schedule", out var s))
        {
            schedule = ScheduleSpec.Parse(s.Value)
                ?? throw new LessonError(file, s.Pos, $"schedule '{s.Value}' is not round-robin, seed:N or a list of thread names (a,b,a)");
        }

        string source;
        string programFile;
        string? path = null;
        var firstLine = fence.Line + 1;
        if (attrs.TryGetValue("file", out var f))
        {
            path = f.Value;
            programFile = Path.Combine(Path.GetDirectoryName(file) ?? "", path);
            source = readFile(programFile) ?? throw new LessonError(file, f.Pos, $"no file '{path}' beside the lesson ({programFile})");
            var copy = string.Join('\n', body).TrimEnd();
            if (copy.Length > 0 && copy != source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd())
            {
                throw new LessonError(file, DifferingLine(copy, source, firstLine), $"this block is not a copy of {path}: leave it empty or copy the file exactly");
            }

            firstLine = 1;
        }
        else
        {
            programFile = file;
            source = string.Join('\n', body);
        }

        var name = attrs.TryGetValue("name", out var n) ? n.Value : path is null ? "program" : Path.GetFileNameWithoutExtension(path);
        try
        {
            var compiled = Compiler.CompileText(programFile, source);
            foreach (var thread in schedule.Threads)
            {
                LessonParser.RequireThread(file, compiled, thread, s.Pos);
            }

            return new LessonProgram(name, path, compiled, schedule, fence);
        }
        catch (ScriptError e)
        {
            // An inline program's lines are the lesson's, from the line after the fence.
            throw path is null
                ? new LessonError(file, new SourcePos(e.Pos.Line + firstLine - 1, e.Pos.Column), e.Detail)
                : new LessonError(e.File, e.Pos, e.Detail);
        }
    }

    private static int FindColumn(string info, string word) => info.IndexOf(word, StringComparison.Ordinal);

    private static SourcePos DifferingLine(string copy, string source, int firstLine)
    {
        var a = copy.Split('\n');
        var b = source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return new SourcePos(firstLine + i, 1);
    }
}
