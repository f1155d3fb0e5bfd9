namespace IpcLab.Tui.Views.Broker;

/// <summary>An edge of the broker diagram a message can move along in a step.</summary>
internal enum Move
{
    /// <summary>A thread published to an exchange (the message is in the inbox).</summary>
    Publish,

    /// <summary>The broker routed a message from an exchange into a queue along a binding.</summary>
    Route,

    /// <summary>A queue delivered to a consumer (pushed, redelivered, taken or fetched by get).</summary>
    Deliver,

    /// <summary>A queue dead-lettered a message to its dead-letter exchange.</summary>
    DeadLetter,

    /// <summary>No binding of an exchange matched: the message went on to its alternate exchange.</summary>
    Alternate,
}
