using RabbitMQ.Client.Exceptions;

namespace IpcLab.Conformance.Rabbit;

// A queue's ready count, and the polls that wait for the count the model had (RabbitMQ dead-letters,
// requeues and expires asynchronously).
public sealed partial class RabbitRunner
{
    /// <summary>The queue's ready count (queue.declare passive), or null when it does not exist.</summary>
    private async Task<int?> ReadyAsync(string queue)
    {
        await using var probe = await _connection!.CreateChannelAsync();
        try
        {
            return (int)(await probe.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private async Task PollReadyAsync(string queue, int expected)
    {
        for (var attempt = 0; attempt < Polls && await ReadyAsync(queue) is { } ready && ready != expected; attempt++)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Polls the queue's ready count until it is <paramref name="expected"/> or the bound has passed; the last count seen.</summary>
    private async Task<int> AwaitReadyAsync(string queue, int expected)
    {
        using var bound = new CancellationTokenSource(AwaitMilliseconds);
        var ready = await ReadyAsync(queue) ?? -1;
        while (ready != expected && !bound.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
            ready = await ReadyAsync(queue) ?? -1;
        }

        return ready;
    }
}
