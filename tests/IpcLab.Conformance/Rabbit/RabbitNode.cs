using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IpcLab.Conformance.Rabbit;

/// <summary>The local RabbitMQ node the suite compares against: connecting to it, and restarting it.</summary>
public static class RabbitNode
{
    public const string HowToStart =
        "start one with `make rabbitmq` (installs rabbitmq-server with apt when missing, then `rabbitmq-server -detached` and `rabbitmqctl await_startup`)";

    /// <summary>A name prefix unique to this test run, so runs never see each other's queues.</summary>
    public static readonly string RunPrefix = $"ipclab-conf-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32] + ".";

    public static async Task<IConnection> ConnectAsync()
    {
        var factory = new ConnectionFactory { HostName = "localhost", Port = 5672, UserName = "guest", Password = "guest", AutomaticRecoveryEnabled = false };
        try
        {
            return await factory.CreateConnectionAsync("ipclab-conformance");
        }
        catch (BrokerUnreachableException error)
        {
            throw new InvalidOperationException($"the conformance suite needs a RabbitMQ node on localhost:5672 (user guest) and none answers: {HowToStart}", error);
        }
    }

    /// <summary>
    /// Stops the node's application and starts it again (<c>rabbitmqctl stop_app</c>, <c>start_app</c>),
    /// then waits until it serves again (<c>rabbitmqctl await_startup</c>): what a durable node keeps on
    /// disk comes back, the rest is gone, and every connection is closed.
    /// </summary>
    public static void Restart()
    {
        Ctl("stop_app");
        Ctl("start_app");
        Ctl("await_startup");
    }

    /// <summary>
    /// Raises RabbitMQ's memory alarm (a high watermark of 0: every publishing connection is blocked)
    /// or clears it (the default watermark, 0.4 of the memory).
    /// </summary>
    public static void SetMemoryAlarm(bool raised) => Ctl("set_vm_memory_high_watermark " + (raised ? "0" : "0.4"));

    private static void Ctl(string command)
    {
        // Debian installs it in /usr/sbin, which a user's PATH may lack.
        var ctl = File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl";
        var start = new ProcessStartInfo(ctl, command) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"rabbitmqctl {command} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {output.Result}{error}");
        }
    }
}
