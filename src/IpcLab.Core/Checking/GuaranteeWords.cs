namespace IpcLab.Core.Checking;

/// <summary>The names of the delivery guarantees, as reports print them and lessons write them.</summary>
public static class GuaranteeWords
{
    /// <summary>The goals a lesson may ask for, in its words.</summary>
    public static readonly string[] Goals = ["exactly-once", "at-least-once", "at-most-once"];

    /// <summary>"exactly-once", "at-least-once", "at-most-once" or "no guarantee".</summary>
    public static string Of(GuaranteeKind kind) => kind switch
    {
        GuaranteeKind.ExactlyOnce => "exactly-once",
        GuaranteeKind.AtLeastOnce => "at-least-once",
        GuaranteeKind.AtMostOnce => "at-most-once",
        _ => "no guarantee",
    };

    /// <summary>The guarantee a goal names, or null for a word that names none.</summary>
    public static GuaranteeKind? Parse(string word) => word switch
    {
        "exactly-once" => GuaranteeKind.ExactlyOnce,
        "at-least-once" => GuaranteeKind.AtLeastOnce,
        "at-most-once" => GuaranteeKind.AtMostOnce,
        _ => null,
    };

    /// <summary>
    /// Whether a program judged <paramref name="shown"/> meets a goal of <paramref name="asked"/>:
    /// exactly-once meets every goal, at-least-once needs no loss, at-most-once no duplicate.
    /// </summary>
    public static bool Meets(GuaranteeKind shown, GuaranteeKind asked) => asked switch
    {
        GuaranteeKind.ExactlyOnce => shown == GuaranteeKind.ExactlyOnce,
        GuaranteeKind.AtLeastOnce => shown is GuaranteeKind.ExactlyOnce or GuaranteeKind.AtLeastOnce,
        GuaranteeKind.AtMostOnce => shown is GuaranteeKind.ExactlyOnce or GuaranteeKind.AtMostOnce,
        _ => true,
    };
}
