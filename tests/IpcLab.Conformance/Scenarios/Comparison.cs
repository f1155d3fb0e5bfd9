using System.Text;

namespace IpcLab.Conformance.Scenarios;

/// <summary>Compares the two sides' observations line by line and says, side by side, where they part.</summary>
public static class Comparison
{
    private const string Nothing = "(nothing)";

    /// <summary>The lines where the sides differ, in order: (model, RabbitMQ).</summary>
    public static IReadOnlyList<(string Model, string Rabbit)> Differences(Outcome model, Outcome rabbit)
    {
        var differences = new List<(string, string)>();
        for (var i = 0; i < Math.Max(model.Lines.Count, rabbit.Lines.Count); i++)
        {
            var left = i < model.Lines.Count ? model.Lines[i] : Nothing;
            var right = i < rabbit.Lines.Count ? rabbit.Lines[i] : Nothing;
            if (left != right)
            {
                differences.Add((left, right));
            }
        }

        return differences;
    }

    /// <summary>Fails unless the sides differ exactly where the scenario says they do (nowhere, for most).</summary>
    public static void AssertConforms(Scenario scenario, Outcome model, Outcome rabbit)
    {
        var differences = Differences(model, rabbit);
        if (!differences.SequenceEqual(scenario.KnownDifferences))
        {
            throw new Xunit.Sdk.XunitException(Report(scenario, model, rabbit, differences));
        }
    }

    public static string Report(Scenario scenario, Outcome model, Outcome rabbit, IReadOnlyList<(string Model, string Rabbit)> differences)
    {
        var sb = new StringBuilder();
        sb.Append($"scenario {scenario.Name} ({scenario.Point}): ");
        sb.Append(scenario.KnownDifferences.Count == 0
            ? $"the model and RabbitMQ differ on {differences.Count} line(s)\n"
            : $"expected exactly {scenario.KnownDifferences.Count} documented difference(s), found {differences.Count}\n");
        return sb.Append(SideBySide(model, rabbit)).Append("the model's program:\n").Append(model.Program).ToString();
    }

    /// <summary>The two sides' lines next to each other, a `!` before each line where they differ.</summary>
    public static string SideBySide(Outcome model, Outcome rabbit)
    {
        var sb = new StringBuilder();
        var width = Math.Max(20, model.Lines.Append("model").Max(l => l.Length));
        sb.Append("   ").Append("model".PadRight(width)).Append(" | RabbitMQ\n");
        for (var i = 0; i < Math.Max(model.Lines.Count, rabbit.Lines.Count); i++)
        {
            var left = i < model.Lines.Count ? model.Lines[i] : Nothing;
            var right = i < rabbit.Lines.Count ? rabbit.Lines[i] : Nothing;
            sb.Append(left == right ? "   " : " ! ").Append(left.PadRight(width)).Append(" | ").Append(right).Append('\n');
        }

        return sb.ToString();
    }
}
