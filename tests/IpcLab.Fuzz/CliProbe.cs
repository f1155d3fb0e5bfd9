using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpcLab.Diagnostics;

namespace IpcLab.Fuzz;

/// <summary>
/// Runs one mutant through the real command line (<see cref="Cli.Execute(string[], TextWriter, TextWriter)"/>,
/// in-process) under a small step budget, and judges it: exit 0, 1 or 2; nothing on stderr but
/// "ipclab: ..." errors (and "note: ..." lines); no stack trace, no "Exception"; an error's
/// file:line:column inside the file it names. Anything else is a crash.
/// </summary>
public sealed partial class CliProbe(Corpus corpus, string workDir)
{
    /// <summary>The step budget of every run: small, so a mutant that loops ends quickly.</summary>
    public const int MaxSteps = 200;

    /// <summary>UTF-8 that writes half a surrogate pair as U+FFFD, as an editor would, instead of refusing it.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly CliEnvironment _env = CliEnvironment.Process with { TempDirectory = workDir };

    public FuzzResult Run(FuzzInput input)
    {
        var lesson = corpus.Lessons.First(l => l.Name == input.Lesson);
        var file = Path.Combine(workDir, input.Kind == FuzzKind.Script ? "mutant.ipl" : "mutant.run.json");
        File.WriteAllText(file, input.Text, Utf8);
        var seed = (input.Seed % 7 + 1).ToString(CultureInfo.InvariantCulture);
        string[] args = input.Kind switch
        {
            FuzzKind.Script when input.Seed % 5 == 0 => ["check", file, "--runs", "3", "--seed", seed, "--max-steps", $"{MaxSteps}"],
            FuzzKind.Script => ["run", file, "--seed", seed, "--max-steps", $"{MaxSteps}"],
            _ => ["run", lesson.Path, "--replay", file, "--max-steps", $"{MaxSteps}"],
        };

        var crashLog = Path.Combine(workDir, $"ipclab-crash-{_env.ProcessId}.log");
        File.Delete(crashLog);
        var err = new StringWriter();
        var exit = Cli.Execute(args, TextWriter.Null, err, _env);
        var stderr = err.ToString();
        var problem = Judge(exit, stderr, Files(input.Kind, file, File.ReadAllText(file)));
        var log = File.Exists(crashLog) ? File.ReadAllText(crashLog) : null;
        var outcome = problem is not null ? FuzzOutcome.Crash : exit switch { 0 => FuzzOutcome.Exit0, 1 => FuzzOutcome.Exit1, _ => FuzzOutcome.Exit2 };
        return new FuzzResult(outcome, exit, args, stderr, problem, log);
    }

    /// <summary>Why the result is a crash, or null when it is a clean exit.</summary>
    public static string? Judge(int exit, string stderr, IReadOnlyDictionary<string, string> files)
    {
        if (exit is not (0 or 1 or 2))
        {
            return $"exit code {exit}";
        }

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (stderr.Contains("Exception", StringComparison.Ordinal) || stderr.Contains("   at ", StringComparison.Ordinal))
        {
            return "an exception or a stack trace on stderr";
        }

        foreach (var line in lines)
        {
            // Notes, and the check's progress on long work.
            if (line.StartsWith("note: ", StringComparison.Ordinal) || line.StartsWith("checking: ", StringComparison.Ordinal) || line.StartsWith("shrinking ", StringComparison.Ordinal))
            {
                continue;
            }

            if (exit != 2 || !line.StartsWith("ipclab: ", StringComparison.Ordinal))
            {
                return $"an unexpected line on stderr after exit {exit}: {line}";
            }

            if (PositionProblem(line["ipclab: ".Length..], files) is { } position)
            {
                return position;
            }
        }

        return exit == 2 && lines.All(l => l.StartsWith("note: ", StringComparison.Ordinal)) ? "exit 2 without an error message" : null;
    }

    /// <summary>The texts the mutant's errors may point into (as the command read them), by the file name an error would give.</summary>
    private static Dictionary<string, string> Files(FuzzKind kind, string file, string text)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [file] = text };
        if (kind == FuzzKind.SavedRun && Embedded(text) is { } embedded && !files.ContainsKey(embedded.File))
        {
            files[embedded.File] = embedded.Script;
        }

        return files;
    }

    /// <summary>The script a saved run carries and the name its errors are reported under, when the JSON holds them.</summary>
    private static (string File, string Script)? Embedded(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("scriptFile", out var f) && f.ValueKind == JsonValueKind.String
                && root.TryGetProperty("script", out var s) && s.ValueKind == JsonValueKind.String
                ? (f.GetString()!, s.GetString()!)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not JSON, or a string that does not decode: the command says so, with no script position to check
        }
    }

    /// <summary>For "FILE:LINE:COLUMN: message" naming a known file: why the position is outside it, or null.</summary>
    private static string? PositionProblem(string message, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (name, text) in files)
        {
            if (!message.StartsWith(name + ":", StringComparison.Ordinal) || Position().Match(message[(name.Length + 1)..]) is not { Success: true } m)
            {
                continue;
            }

            var line = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var column = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var lines = text.Split('\n');
            if (line < 1 || line > lines.Length)
            {
                return $"line {line} is outside {name}, which has {lines.Length} lines";
            }

            // A JSON error counts bytes, a script error characters: either is inside the line.
            var width = Math.Max(lines[line - 1].Length, System.Text.Encoding.UTF8.GetByteCount(lines[line - 1]));
            if (column < 1 || column > width + 1)
            {
                return $"column {column} is outside line {line} of {name}, which has {lines[line - 1].Length} characters";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(\d+):(\d+): ")]
    private static partial Regex Position();
}
