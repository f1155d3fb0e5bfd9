namespace IpcLab.KeyPress;

/// <summary>What to start and how often to press: the command line of the measurement.</summary>
internal sealed record KeyPressOptions(string Root, string Dotnet, string Program, string File, IReadOnlyList<string> Extra)
{
    public int Columns { get; init; } = 120;

    public int Rows { get; init; } = 40;

    public int Presses { get; init; } = 25;

    public int Warmup { get; init; } = 5;

    public int TimeoutMs { get; init; } = 5000;

    public int StartTimeoutMs { get; init; } = 30000;

    /// <summary>Print the screen as the last press left it (to standard error), to see what was read.</summary>
    public bool ShowScreen { get; init; }

    public const string Usage =
        "usage: IpcLab.KeyPress --program IPCLAB.DLL [--dotnet PATH] [--file FILE.ipl] [--presses N] [--warmup N] [--timeout-ms N] [--show-screen] [-- ARGS...]";

    /// <summary>The options, or null with <paramref name="problem"/> set.</summary>
    public static KeyPressOptions? Parse(string[] args, string root, out string? problem)
    {
        problem = null;
        string? program = null;
        var dotnet = "dotnet";
        var file = "lessons/bounded-buffer.ipl";
        int presses = 25, warmup = 5, timeout = 5000;
        var extra = new List<string>();
        var show = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                extra.AddRange(args[(i + 1)..]);
                break;
            }

            if (args[i] == "--show-screen")
            {
                show = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value";
                return null;
            }

            var value = args[++i];
            var number = int.TryParse(value, out var parsed) && parsed > 0 ? parsed : -1;
            switch (args[i - 1])
            {
                case "--program": program = value; break;
                case "--dotnet": dotnet = value; break;
                case "--file": file = value; break;
                case "--presses": presses = number; break;
                case "--warmup": warmup = number; break;
                case "--timeout-ms": timeout = number; break;
                default:
                    problem = $"unknown option {args[i - 1]}";
                    return null;
            }

            if (args[i - 1] is "--presses" or "--warmup" or "--timeout-ms" && number < 0)
            {
                problem = $"{args[i - 1]} takes a whole number above 0, not \"{value}\"";
                return null;
            }
        }

        if (program is null)
        {
            problem = "--program is required";
            return null;
        }

        return new KeyPressOptions(root, dotnet, Path.GetFullPath(program, root), file, extra)
        {
            Presses = presses,
            Warmup = warmup,
            TimeoutMs = timeout,
            ShowScreen = show,
        };
    }
}
