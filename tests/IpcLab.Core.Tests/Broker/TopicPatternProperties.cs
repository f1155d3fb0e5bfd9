using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Topic matching against a reference written differently: a recursion over the words that
/// tries, at each `#`, both "it takes no more words" and "it takes one more", next to the
/// kernel's one-pass backtracking matcher.
/// </summary>
public sealed class TopicPatternProperties
{
    private static readonly string[] KeyWords = ["kern", "mail", "error", ""];
    private static readonly string[] PatternWords = ["kern", "mail", "error", "", "*", "#"];

    private static Gen<string> Dotted(string[] words) =>
        from n in Gen.Choose(1, 5)
        from parts in Gen.ArrayOf(Gen.Elements(words), n)
        select string.Join('.', parts);

    [Fact]
    public void Matches_AnyPatternAndKey_AgreesWithTheReference()
    {
        var gen = from pattern in Dotted(PatternWords)
                  from key in Dotted(KeyWords)
                  select (pattern, key);
        Prop.ForAll(gen.ToArbitrary(), x =>
            Assert.True(Reference(x.pattern.Split('.'), x.key.Split('.')) == TopicPattern.Matches(x.pattern, x.key),
                $"pattern \"{x.pattern}\" on key \"{x.key}\": the reference says {Reference(x.pattern.Split('.'), x.key.Split('.'))}")).Check(KernelTestKit.Config(2000));
    }

    [Theory]
    [InlineData("kern.#", "kern", true)]
    [InlineData("kern.#", "kern.disk.error", true)]
    [InlineData("*.error", "kern.error", true)]
    [InlineData("*.error", "error", false)]
    [InlineData("*.error", "kern.disk.error", false)]
    [InlineData("*", "", true)]
    [InlineData("a.*.b", "a..b", true)]
    [InlineData("#", "anything.at.all", true)]
    [InlineData("#.error", "error", true)]
    [InlineData("kern.*", "kern", false)]
    public void Matches_RabbitMqExamples_AsRabbitMqDoes(string pattern, string key, bool expected) =>
        Assert.Equal(expected, TopicPattern.Matches(pattern, key));

    /// <summary>RabbitMQ's rule by recursion on the word lists.</summary>
    private static bool Reference(ReadOnlySpan<string> pattern, ReadOnlySpan<string> key)
    {
        if (pattern.IsEmpty)
        {
            return key.IsEmpty;
        }

        if (pattern[0] == "#")
        {
            return Reference(pattern[1..], key) || (!key.IsEmpty && Reference(pattern, key[1..]));
        }

        return !key.IsEmpty && (pattern[0] == "*" || pattern[0] == key[0]) && Reference(pattern[1..], key[1..]);
    }
}
