using IpcLab.Conformance.Scenarios;
using RabbitMQ.Client;

namespace IpcLab.Conformance.Rabbit;

// A publish whose confirm has not come when the next actions run (a restart, above all). RabbitMQ
// confirms within milliseconds, so to catch a publish unconfirmed the runner holds it outside the
// broker: a memory alarm (vm_memory_high_watermark 0) blocks every publishing connection, and a
// blocked connection's reader stops reading, so the publish stays unread in the socket until the
// restart closes the connection. The connection is blocked only after the first publish that
// arrives under the alarm (which RabbitMQ still takes in), so a throwaway publish, to a key that
// routes nowhere, goes first; the scenario's publish follows it once the client hears that the
// connection is blocked (connection.blocked). The alarm stops every publisher on the node: only a
// scenario that holds the node exclusively (it restarts it) may raise it.
public sealed partial class RabbitRunner
{
    private readonly Dictionary<string, (Publish Publish, TaskCompletionSource<bool> Confirm)> _pending = [];
    private bool _memoryAlarm;

    private async Task PublishPendingAsync(ChannelState state, Publish p)
    {
        if (!scenario.Actions.Any(a => a is Restart))
        {
            throw new InvalidOperationException($"{scenario.Name}: a pending publish needs a restart in its scenario (the memory alarm that holds it stops every publisher on the node)");
        }

        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connection!.ConnectionBlockedAsync += (_, _) =>
        {
            blocked.TrySetResult();
            return Task.CompletedTask;
        };
        _memoryAlarm = true;
        RabbitNode.SetMemoryAlarm(true);
        // Its channel stays open: closing it would wait for a close-ok the blocked node never reads it
        // for. The restart closes it with the connection.
        var opener = await ChannelAsync(p.Channel + " (alarm)");
        await opener.Channel.BasicPublishAsync("", _prefix + "nowhere", mandatory: false, new BasicProperties(), ReadOnlyMemory<byte>.Empty);
        await blocked.Task.WaitAsync(TimeSpan.FromMilliseconds(ReceiveMilliseconds));

        var (_, confirm) = await SendAsync(state, p);
        _pending[p.Body] = (p, confirm);
    }

    private async Task AwaitConfirmAsync(AwaitConfirm a)
    {
        var (p, confirm) = _pending[a.Body];
        try
        {
            _lines.Add(Observed.Reconfirmed(p, unconfirmed: false, await confirm.Task.WaitAsync(TimeSpan.FromMilliseconds(ReceiveMilliseconds))));
        }
        catch (InvalidOperationException)
        {
            // The connection closed without the confirm: publish it again on the channel's new one.
            var state = await ChannelAsync(a.Channel);
            var (_, again) = await SendAsync(state, p);
            _lines.Add(Observed.Reconfirmed(p, unconfirmed: true, await again.Task.WaitAsync(TimeSpan.FromMilliseconds(ReceiveMilliseconds))));
        }
    }

    private void ClearMemoryAlarm()
    {
        if (_memoryAlarm)
        {
            RabbitNode.SetMemoryAlarm(false);
            _memoryAlarm = false;
        }
    }
}
