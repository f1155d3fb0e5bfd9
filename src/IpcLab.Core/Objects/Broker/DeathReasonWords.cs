namespace IpcLab.Core.Objects.Broker;

/// <summary>The reasons as RabbitMQ's x-death header spells them.</summary>
public static class DeathReasonWords
{
    public static string Word(this DeathReason reason) => reason switch
    {
        DeathReason.Rejected => "rejected",
        DeathReason.Expired => "expired",
        DeathReason.Maxlen => "maxlen",
        DeathReason.DeliveryLimit => "delivery_limit",
        _ => "none",
    };
}
