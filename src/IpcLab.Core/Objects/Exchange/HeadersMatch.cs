namespace IpcLab.Core.Objects.Exchange;

/// <summary>A headers binding's x-match argument.</summary>
public enum HeadersMatch
{
    /// <summary>Every argument of the binding must be in the message's headers with the same value (RabbitMQ's default).</summary>
    All,

    /// <summary>At least one argument of the binding must be in the message's headers with the same value.</summary>
    Any,
}
