using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Conformance.Rabbit;
using IpcLab.Core.Objects.Exchange;
using RabbitMQ.Client;

namespace IpcLab.Conformance;

/// <summary>
/// The model's topic matcher against RabbitMQ's own: random dot-separated patterns (with `*`, `#`
/// and empty words) bound on a real topic exchange, random keys published to it mandatory, and
/// "returned" compared with "the model says no binding matches".
/// </summary>
public sealed class TopicMatchingProperties
{
    private static readonly string[] KeyWords = ["kern", "mail", "error", ""];
    private static readonly string[] PatternWords = ["kern", "mail", "error", "", "*", "#"];

    private static Gen<string> Dotted(string[] words) =>
        from n in Gen.Choose(1, 5)
        from parts in Gen.ArrayOf(Gen.Elements(words), n)
        select string.Join('.', parts);

    [Fact]
    public async Task Matches_RandomPatternsAndKeys_AgreeWithRabbitMq()
    {
        var exchange = RabbitNode.RunPrefix + "topic-property";
        var queue = exchange + ".q";
        using var node = NodeLock.ToUse();
        await using var connection = await RabbitNode.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(exchange, RabbitMQ.Client.ExchangeType.Topic);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        try
        {
            var gen = from pattern in Dotted(PatternWords)
                      from key in Dotted(KeyWords)
                      select (pattern, key);
            Prop.ForAll(gen.ToArbitrary(), x =>
            {
                var rabbit = RoutesAsync(channel, exchange, queue, x.pattern, x.key).GetAwaiter().GetResult();
                var model = TopicPattern.Matches(x.pattern, x.key);
                Assert.True(rabbit == model, $"binding \"{x.pattern}\", key \"{x.key}\": RabbitMQ {(rabbit ? "routes" : "does not route")} it, the model {(model ? "does" : "does not")}");
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true).WithReplay(20_261_203UL, 0x2545F4914F6CDD1DUL));
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(exchange);
        }
    }

    /// <summary>Binds the pattern alone, publishes the key mandatory and confirmed: routed unless RabbitMQ returns it.</summary>
    private static async Task<bool> RoutesAsync(IChannel channel, string exchange, string queue, string pattern, string key)
    {
        await channel.QueueBindAsync(queue, exchange, pattern);
        try
        {
            await channel.BasicPublishAsync(exchange, key, mandatory: true, new BasicProperties(), Encoding.UTF8.GetBytes(key));
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.PublishException returned) when (returned.IsReturn)
        {
            return false;
        }
        finally
        {
            await channel.QueueUnbindAsync(queue, exchange, pattern);
        }
    }
}
