using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IpcLab.Conformance.Rabbit;

/// <summary>
/// One scenario channel on RabbitMQ: publisher confirms observed by hand (acks, nacks and returns
/// arrive on the channel in order, the return before its ack), the deliveries pushed to its
/// consumers, and the delivery tags the scenario named.
/// </summary>
public sealed class ChannelState
{
    private readonly Dictionary<ulong, TaskCompletionSource<bool>> _confirms = [];
    private readonly HashSet<ulong> _returned = [];
    private readonly Lock _gate = new();

    private ChannelState(IChannel channel)
    {
        Channel = channel;
        channel.BasicAcksAsync += (_, e) => Confirm(e.DeliveryTag, e.Multiple, true);
        channel.BasicNacksAsync += (_, e) => Confirm(e.DeliveryTag, e.Multiple, false);
        channel.ChannelShutdownAsync += (_, e) =>
        {
            lock (_gate)
            {
                Closed = $"the broker closed the channel: {e.ReplyCode} {e.ReplyText}";
                foreach (var pending in _confirms.Values)
                {
                    pending.TrySetException(new InvalidOperationException(Closed));
                }

                _confirms.Clear();
            }

            return Task.CompletedTask;
        };
        channel.BasicReturnAsync += (_, e) =>
        {
            if (e.BasicProperties.Headers?.TryGetValue(SequenceHeader, out var seq) == true && seq is long n)
            {
                lock (_gate)
                {
                    _returned.Add((ulong)n);
                }
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>The header that carries a publish's sequence number, so a basic.return names the publish it answers.</summary>
    public const string SequenceHeader = "ipclab-seq";

    public IChannel Channel { get; }

    /// <summary>Why the broker closed the channel (a channel error), or null while it is open.</summary>
    public string? Closed { get; private set; }

    public Dictionary<string, ulong> Tags { get; } = [];

    public Dictionary<string, Channel<BasicDeliverEventArgs>> Deliveries { get; } = [];

    /// <summary>The consumer tag of the channel's consumer of each queue, for basic.cancel.</summary>
    public Dictionary<string, string> ConsumerTags { get; } = [];

    public static async Task<ChannelState> OpenAsync(IConnection connection) =>
        new(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false)));

    public TaskCompletionSource<bool> Expect(ulong sequence)
    {
        var source = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _confirms[sequence] = source;
        }

        return source;
    }

    public bool WasReturned(ulong sequence)
    {
        lock (_gate)
        {
            return _returned.Contains(sequence);
        }
    }

    private Task Confirm(ulong tag, bool multiple, bool acked)
    {
        lock (_gate)
        {
            foreach (var sequence in _confirms.Keys.Where(s => s == tag || (multiple && s < tag)).ToList())
            {
                _confirms[sequence].TrySetResult(acked);
                _confirms.Remove(sequence);
            }
        }

        return Task.CompletedTask;
    }
}
