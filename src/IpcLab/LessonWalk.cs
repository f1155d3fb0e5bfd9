using IpcLab.Core.Lessons;

namespace IpcLab;

/// <summary>
/// One lesson taken headless: the narrative in order; at each checkpoint the run so far (step by
/// step), the question, the student's answer read from <c>answers</c>, and the kernel's answer
/// with its reason; at each challenge how to attempt it. Right answers are kept as progress.
/// </summary>
internal sealed class LessonWalk(TextWriter o, Lesson lesson, IReadOnlyList<Lesson> path, Progress progress, TextReader answers, Action save)
{
    /// <summary>Writes each answer after the prompt: true unless the student types it on a terminal, which shows it already.</summary>
    public bool EchoAnswers { get; init; } = true;

    private readonly Dictionary<string, (LessonRun Run, int Printed)> _runs = [];

    /// <summary>Exit 0 when every answer was right, 1 when one was wrong; answers that run out stop the walk (exit 0).</summary>
    public int Run()
    {
        o.WriteLine($"{lesson.Title} ({lesson.Id}, {lesson.Duration}) · concepts: {string.Join(", ", lesson.Concepts)}");
        o.WriteLine();
        var wrong = 0;
        foreach (var part in lesson.Parts)
        {
            if (part.Text is { } text)
            {
                foreach (var line in text.Split('\n'))
                {
                    o.WriteLine(TerminalText.Visible(line));
                }

                o.WriteLine();
            }
            else if (part.Program is { } program)
            {
                o.WriteLine($"[program {program.Name}: {program.Path ?? "written above"}; its run: {program.Schedule}]");
                o.WriteLine();
            }
            else if (part.Checkpoint is { } checkpoint)
            {
                switch (Ask(checkpoint))
                {
                    case null:
                        o.WriteLine($"(no more answers: the lesson stops at checkpoint {checkpoint.Number}; `ipclab lesson {lesson.Id}` starts it again)");
                        return wrong > 0 ? 1 : 0;
                    case false:
                        wrong++;
                        break;
                }
            }
            else if (part.Challenge is { } challenge)
            {
                Describe(challenge);
            }
        }

        WhatNext();
        return wrong > 0 ? 1 : 0;
    }

    /// <summary>Runs to the checkpoint, asks, judges; null when there is no answer to read.</summary>
    private bool? Ask(Checkpoint c)
    {
        if (!_runs.TryGetValue(c.Program, out var entry))
        {
            entry = (new LessonRun(lesson.ProgramNamed(c.Program)), 0);
        }

        var problem = entry.Run.RunTo(c.At);
        if (problem is not null)
        {
            throw new InputException($"{lesson.File}:{c.Pos}: checkpoint {c.Number} is never reached: {problem} (`ipclab lesson {lesson.Id} --check` checks a lesson)");
        }

        var kernel = entry.Run.Kernel;
        o.WriteLine($"── checkpoint {c.Number} · the run of {c.Program} pauses at {c.At} (after step {kernel.StepCount}) ──");
        if (kernel.Events.Count > entry.Printed)
        {
            StepPrinter.PrintSteps(o, kernel, entry.Printed);
        }

        _runs[c.Program] = (entry.Run, kernel.Events.Count);
        o.WriteLine();
        o.WriteLine($"? {c.Ask}");
        o.Write("your answer> ");
        var given = answers.ReadLine();
        if (given is null)
        {
            o.WriteLine();
            return null;
        }

        if (EchoAnswers)
        {
            o.WriteLine(given);
        }

        var answer = Answers.Compute(c.Question, kernel);
        var right = answer.Accepts(given);
        // An answer that ends with a full stop of its own (a log "bye.") gets no second one.
        var stop = answer.Text.EndsWith('.') ? "" : ".";
        o.WriteLine(right ? $"right: {answer.Text}{stop}" : $"not quite: the answer is {answer.Text}{stop}");
        o.WriteLine($"  why: {TerminalText.Visible(answer.Reason)}");
        if (c.Explain is not null)
        {
            o.WriteLine($"  {c.Explain}");
        }

        o.WriteLine();
        if (right)
        {
            progress.AnsweredRight(lesson.Id, c.Number);
            save();
        }

        return right;
    }

    private void Describe(Challenge c)
    {
        var solved = progress.ChallengesOf(lesson.Id).Contains(c.Number);
        o.WriteLine($"── challenge {c.Number}{(solved ? " (solved ✓)" : "")}: {c.Task}");
        o.WriteLine($"  goal: {c.GoalText} (program {c.Program})");
        o.WriteLine(c.Kind == ChallengeKind.Reach
            ? $"  try:  ipclab lesson {lesson.Id} --try {c.Number} --schedule THREAD,THREAD,...   (the threads in the order they run)"
            : $"  try:  ipclab lesson {lesson.Id} --try {c.Number} --program YOUR-FIX.ipl");
        if (c.Hints.Count > 0)
        {
            o.WriteLine($"  stuck? ipclab lesson {lesson.Id} --hint {c.Number}   ({c.Hints.Count} hint{(c.Hints.Count == 1 ? "" : "s")}, one at a time; {progress.HintsOpened(lesson.Id, c.Number)} opened)");
        }

        o.WriteLine();
    }

    private void WhatNext()
    {
        var open = lesson.Challenges.Where(c => !progress.ChallengesOf(lesson.Id).Contains(c.Number)).ToArray();
        if (open.Length > 0)
        {
            o.WriteLine($"Next: solve challenge {open[0].Number} (ipclab lesson {lesson.Id} --try {open[0].Number} ...).");
            return;
        }

        var next = progress.States(path).FirstOrDefault(s => s.State == LessonState.Current).Lesson;
        o.WriteLine(next is null ? "Every lesson of the path is done." : $"Next on the path: {next.Title} (ipclab lesson {next.Id}).");
    }
}
