namespace IpcLab.Core.Checking;

/// <summary>The delivery guarantee a program showed over the runs with injected crashes, judged by outcome.</summary>
public enum GuaranteeKind
{
    /// <summary>No message was lost and none was handled twice: effectively once.</summary>
    ExactlyOnce,

    /// <summary>Some messages were handled twice, none was lost.</summary>
    AtLeastOnce,

    /// <summary>Some messages were lost, none was handled twice.</summary>
    AtMostOnce,

    /// <summary>Some messages were lost and others handled twice: no guarantee at all.</summary>
    None,
}
