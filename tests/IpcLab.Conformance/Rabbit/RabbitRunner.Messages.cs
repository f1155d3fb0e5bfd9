using System.Text;
using System.Threading.Channels;
using IpcLab.Conformance.Scenarios;
using IpcLab.Core.Objects.Exchange;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IpcLab.Conformance.Rabbit;

// The actions that move messages: publish with its confirm, consume and receive, settle, drain.
public sealed partial class RabbitRunner
{
    private async Task PublishAsync(ChannelState state, Publish p)
    {
        if (p.Pending)
        {
            await PublishPendingAsync(state, p);
            return;
        }

        var (sequence, confirm) = await SendAsync(state, p);
        try
        {
            var acked = await confirm.Task.WaitAsync(TimeSpan.FromMilliseconds(ReceiveMilliseconds));
            _lines.Add(Observed.Confirm(p, acked, state.WasReturned(sequence)));
        }
        catch (InvalidOperationException) when (state.Closed is not null)
        {
            _lines.Add(Observed.ChannelClosed(p, state.Closed.Replace(_prefix, "", StringComparison.Ordinal)));
            _channels.Remove(p.Channel);
        }
    }

    /// <summary>basic.publish with the confirm expected (not awaited): its sequence number and the confirm to come.</summary>
    private async Task<(ulong Sequence, TaskCompletionSource<bool> Confirm)> SendAsync(ChannelState state, Publish p)
    {
        var sequence = await state.Channel.GetNextPublishSequenceNumberAsync();
        var properties = new BasicProperties
        {
            Persistent = p.Persistent,
            Headers = new Dictionary<string, object?> { [ChannelState.SequenceHeader] = (long)sequence },
        };
        foreach (var (name, value) in HeaderText.Parse(p.Headers ?? ""))
        {
            properties.Headers[name] = value;
        }

        if (p.Priority is { } priority)
        {
            properties.Priority = (byte)priority;
        }

        if (p.Ttl > 0)
        {
            properties.Expiration = TtlMapping.Milliseconds(p.Ttl).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var confirm = state.Expect(sequence);

        // The default exchange routes by queue name, and every queue's name carries the prefix.
        var key = p.Exchange.Length == 0 || p.KeyNamesQueue ? Name(p.Key) : p.Key;
        await state.Channel.BasicPublishAsync(Name(p.Exchange), key, p.Mandatory, properties, Encoding.UTF8.GetBytes(p.Body));
        return (sequence, confirm);
    }

    private async Task ConsumeAsync(ChannelState state, Consume c)
    {
        await state.Channel.BasicQosAsync(0, (ushort)c.Prefetch, global: false);
        var deliveries = Channel.CreateUnbounded<BasicDeliverEventArgs>();
        state.Deliveries[c.Queue] = deliveries;
        var consumer = new AsyncEventingBasicConsumer(state.Channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            // The body's memory belongs to the client until the handler returns: keep a copy.
            deliveries.Writer.TryWrite(new BasicDeliverEventArgs(e.ConsumerTag, e.DeliveryTag, e.Redelivered, e.Exchange, e.RoutingKey, e.BasicProperties, e.Body.ToArray()));
            return Task.CompletedTask;
        };
        state.ConsumerTags[c.Queue] = await state.Channel.BasicConsumeAsync(Name(c.Queue), c.AutoAck, consumer);
    }

    private async Task ReceiveAsync(ChannelState state, Receive r)
    {
        using var timeout = new CancellationTokenSource(ReceiveMilliseconds);
        try
        {
            var delivery = await state.Deliveries[r.Queue].Reader.ReadAsync(timeout.Token);
            state.Tags[r.Name] = delivery.DeliveryTag;
            _lines.Add(Observed.Got("receive", r.Queue, (long)delivery.DeliveryTag, Seen(delivery.Body, delivery.Redelivered, delivery.BasicProperties)));
        }
        catch (OperationCanceledException)
        {
            _lines.Add(Observed.NothingPushed(r.Queue));
        }
    }

    private static async Task SettleAsync(IChannel channel, ulong tag, Settle s)
    {
        switch (s.How)
        {
            case Settlement.Ack:
                await channel.BasicAckAsync(tag, s.Multiple);
                break;
            case Settlement.NackRequeue or Settlement.NackDiscard:
                await channel.BasicNackAsync(tag, s.Multiple, requeue: s.How == Settlement.NackRequeue);
                break;
            default:
                await channel.BasicRejectAsync(tag, requeue: s.How == Settlement.RejectRequeue);
                break;
        }
    }

    private async Task DrainAsync(IChannel channel, Drain d)
    {
        while (await channel.BasicGetAsync(Name(d.Queue), autoAck: true) is { } got)
        {
            _lines.Add(Observed.Drained(d.Queue, Seen(got.Body, got.Redelivered, got.BasicProperties)));
        }

        _lines.Add(Observed.DrainEnd(d.Queue));
    }

    private MessageSeen Seen(ReadOnlyMemory<byte> body, bool redelivered, IReadOnlyBasicProperties properties) =>
        new(Encoding.UTF8.GetString(body.Span), redelivered, XDeath.Read(properties, _prefix))
        {
            DeliveryCount = properties.Headers?.TryGetValue("x-delivery-count", out var count) == true ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
}
