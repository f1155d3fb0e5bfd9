using IpcLab.Conformance.Scenarios;
using IpcLab.Core.Objects.Exchange;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IpcLab.Conformance.Rabbit;

/// <summary>
/// Runs a scenario on the real RabbitMQ node: every name prefixed for this run and scenario, every
/// publish confirmed before the next action, and every observation (get, drain, count) taken once
/// the queue holds as many ready messages as the model's did, or after a bounded number of polls,
/// since RabbitMQ dead-letters and requeues asynchronously. It deletes what it declared.
/// </summary>
public sealed partial class RabbitRunner(Scenario scenario, Outcome model)
{
    private const int Polls = 200;

    /// <summary>How long an <see cref="AwaitReady"/> polls at most: ten times the longest TTL that expires within a scenario.</summary>
    private static readonly int AwaitMilliseconds = 10 * TtlMapping.Milliseconds(TtlMapping.Medium);
    private const int ReceiveMilliseconds = 10_000;

    private readonly string _prefix = RabbitNode.RunPrefix + scenario.Name + ".";
    private readonly Dictionary<string, ChannelState> _channels = [];
    private readonly List<string> _lines = [];
    private IConnection? _connection;

    public static Task<Outcome> RunAsync(Scenario scenario, Outcome model) => new RabbitRunner(scenario, model).RunAsync();

    private async Task<Outcome> RunAsync()
    {
        using var node = scenario.Actions.Any(a => a is Restart) ? NodeLock.ToRestart() : NodeLock.ToUse();
        _connection = await RabbitNode.ConnectAsync();
        try
        {
            await DeclareAsync();
            for (var i = 0; i < scenario.Actions.Count; i++)
            {
                await ActAsync(scenario.Actions[i], i);
            }

            return new Outcome(_lines);
        }
        finally
        {
            ClearMemoryAlarm();
            await DeleteAsync();
            await _connection.DisposeAsync();
        }
    }

    private string Name(string name) => name.Length == 0 ? "" : _prefix + name;

    private async Task DeclareAsync()
    {
        await using var admin = await _connection!.CreateChannelAsync();
        foreach (var x in scenario.Exchanges)
        {
            var arguments = x.Alternate is null ? null : new Dictionary<string, object?> { ["alternate-exchange"] = Name(x.Alternate) };
            await admin.ExchangeDeclareAsync(Name(x.Name), x.Type, x.Durable, autoDelete: false, arguments);
        }

        foreach (var q in scenario.Queues)
        {
            await admin.QueueDeclareAsync(Name(q.Name), q.Durable, exclusive: false, autoDelete: false, QueueArguments(q));
            foreach (var (exchange, key) in q.Bindings)
            {
                await admin.QueueBindAsync(Name(q.Name), Name(exchange), key);
            }

            foreach (var binding in q.HeaderBindings)
            {
                var arguments = new Dictionary<string, object?> { ["x-match"] = binding.Match.ToString().ToLowerInvariant() };
                foreach (var (name, value) in HeaderText.Parse(binding.Arguments))
                {
                    arguments[name] = value;
                }

                await admin.QueueBindAsync(Name(q.Name), Name(binding.Exchange), "", arguments);
            }
        }
    }

    private Dictionary<string, object?> QueueArguments(QueueDecl q)
    {
        var arguments = new Dictionary<string, object?>();
        Put(arguments, "x-max-length", q.MaxLength);
        Put(arguments, "x-max-priority", q.MaxPriority);
        Put(arguments, "x-delivery-limit", q.DeliveryLimit);
        if (q.MessageTtl > 0)
        {
            arguments["x-message-ttl"] = TtlMapping.Milliseconds(q.MessageTtl);
        }

        if (q.Overflow is not null)
        {
            arguments["x-overflow"] = q.Overflow;
        }

        if (q.DeadLetterExchange is not null)
        {
            arguments["x-dead-letter-exchange"] = Name(q.DeadLetterExchange);
        }

        if (q.DeadLetterKey is not null)
        {
            // Through the default exchange the dead-letter key names a queue, whose name carries the prefix.
            arguments["x-dead-letter-routing-key"] = q.DeadLetterExchange == "" ? Name(q.DeadLetterKey) : q.DeadLetterKey;
        }

        if (q.Quorum)
        {
            arguments["x-queue-type"] = "quorum";
        }

        return arguments;
    }

    private static void Put(Dictionary<string, object?> arguments, string name, int value)
    {
        if (value > 0)
        {
            arguments[name] = value;
        }
    }

    private async Task<ChannelState> ChannelAsync(string name)
    {
        if (!_channels.TryGetValue(name, out var channel))
        {
            _channels[name] = channel = await ChannelState.OpenAsync(_connection!);
        }

        return channel;
    }

    private async Task ActAsync(ClientAction action, int index)
    {
        if (action is Restart)
        {
            // A connection with a publish held unread cannot close (the node does not read its
            // connection.close either): the restart closes it, as it does every other.
            if (_pending.Count == 0)
            {
                await _connection!.DisposeAsync();
                RabbitNode.Restart();
            }
            else
            {
                RabbitNode.Restart();
                await _connection!.DisposeAsync();
            }

            ClearMemoryAlarm();
            _channels.Clear();
            _connection = await RabbitNode.ConnectAsync();
            _lines.Add(Observed.Restarted);
            return;
        }

        if (model.ReadyBefore.TryGetValue(index, out var expected))
        {
            await PollReadyAsync(Name(ModelQueue(action)), expected);
        }

        var state = await ChannelAsync(action.Channel);
        var channel = state.Channel;
        switch (action)
        {
            case Publish p:
                await PublishAsync(state, p);
                break;
            case Get g:
                BasicGetResult? got;
                try
                {
                    got = await channel.BasicGetAsync(Name(g.Queue), autoAck: false);
                }
                catch (OperationInterruptedException error) when (error.ShutdownReason is { } reason)
                {
                    // A channel error (a missing queue: 404 NOT_FOUND) closes the channel.
                    _lines.Add(Observed.GetClosed(g.Queue, $"the broker closed the channel: {reason.ReplyCode} {reason.ReplyText}".Replace(_prefix, "", StringComparison.Ordinal)));
                    _channels.Remove(g.Channel);
                    break;
                }

                if (got is not null)
                {
                    state.Tags[g.Name] = got.DeliveryTag;
                }

                _lines.Add(Observed.Got("get", g.Queue, got is null ? 0 : (long)got.DeliveryTag, got is null ? null : Seen(got.Body, got.Redelivered, got.BasicProperties)));
                break;
            case Consume c:
                await ConsumeAsync(state, c);
                break;
            case Receive r:
                await ReceiveAsync(state, r);
                break;
            case Settle s:
                await SettleAsync(channel, state.Tags[s.Name], s);
                break;
            case Cancel c:
                await channel.BasicCancelAsync(state.ConsumerTags[c.Queue]);
                break;
            case AwaitConfirm a:
                await AwaitConfirmAsync(a);
                break;
            case AwaitReady a:
                _lines.Add(Observed.Counted(a.Queue, await AwaitReadyAsync(Name(a.Queue), a.Ready)));
                break;
            case CloseChannel:
                await channel.CloseAsync();
                _channels.Remove(action.Channel);
                break;
            case Count c:
                var ready = await ReadyAsync(Name(c.Queue));
                _lines.Add(ready is { } n ? Observed.Counted(c.Queue, n) : Observed.CountedMissing(c.Queue));
                break;
            case Drain d:
                await DrainAsync(channel, d);
                break;
        }
    }

    private static string ModelQueue(ClientAction action) => action switch
    {
        Get g => g.Queue,
        Drain d => d.Queue,
        Count c => c.Queue,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not an observation of a queue"),
    };

    private async Task DeleteAsync()
    {
        if (!_connection!.IsOpen)
        {
            _connection = await RabbitNode.ConnectAsync();
        }

        await using var admin = await _connection.CreateChannelAsync();
        foreach (var q in scenario.Queues)
        {
            await admin.QueueDeleteAsync(Name(q.Name));
        }

        foreach (var x in scenario.Exchanges)
        {
            await admin.ExchangeDeleteAsync(Name(x.Name));
        }
    }
}
