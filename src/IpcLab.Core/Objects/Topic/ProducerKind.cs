namespace IpcLab.Core.Objects.Topic;

/// <summary>What a topic's producers do when the acknowledgement of a send is lost (<c>producers WORD</c> on the topic).</summary>
public enum ProducerKind
{
    /// <summary>The default: the producer does not retry (Kafka's retries=0); the record is in the log once, and the producer is told of an error. A scripted <c>retry</c> still appends again.</summary>
    Plain,

    /// <summary>The producer sends the record again (retries above 0, enable.idempotence=false): the partition gets it twice.</summary>
    Retrying,

    /// <summary>The producer sends it again with the same sequence number (enable.idempotence=true): acknowledged, not appended twice.</summary>
    Idempotent,
}
