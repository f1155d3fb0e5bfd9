namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// Where the reply to a thread's produce to a replicated topic stands when the guarantee checker
/// loses it (a lost acknowledgement on a topic whose producers retry). On a topic without replicas
/// the reply comes in the produce's own step, so the retry is made in that step and needs none of this.
/// </summary>
public enum AckLoss
{
    /// <summary>Nothing is lost: the reply reaches the producer, which moves on.</summary>
    None,

    /// <summary>The produce's reply (its acknowledgement, or a refusal after its record was appended) will be lost when it comes: an <c>acks(all)</c> produce waits for it.</summary>
    WillBeLost,

    /// <summary>The reply was lost: the producer stays at its produce, and its next step sends the same record again with the same sequence number, as a client does when no answer came in time.</summary>
    Lost,
}
