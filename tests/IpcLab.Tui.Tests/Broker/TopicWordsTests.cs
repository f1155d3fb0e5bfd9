using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Tui.Views.Broker;

namespace IpcLab.Tui.Tests.Broker;

/// <summary>The routing table's word-by-word explanation of a topic match.</summary>
public sealed class TopicWordsTests
{
    private static readonly Config Checked = Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true).WithReplay(20_261_203UL, 0x5DEECE66DUL);

    [Theory]
    [InlineData("kern.#", "kern.disk.full", true, "kern=kern #=disk.full")]
    [InlineData("kern.#", "kern", true, "kern=kern #=∅")]
    [InlineData("*.error", "mail.error", true, "*=mail error=error")]
    [InlineData("*.error", "kern.disk.full", false, "*=kern error≠disk")]
    [InlineData("*.error", "kern", false, "*=kern error≠end")]
    [InlineData("kern.#", "mail.error", false, "kern≠mail")]
    [InlineData("a", "a.b", false, "a=a +b left")]
    [InlineData("#.c", "a.b.c", true, "#=a.b c=c")]
    public void Explain_Examples_SaysWhatEachPatternWordTook(string pattern, string key, bool matches, string words)
    {
        var match = TopicWords.Explain(pattern, key);

        Assert.Equal(matches, match.Matches);
        Assert.Equal(words, match.ToString());
    }

    [Fact]
    public void Explain_AnyPatternAndKey_AgreesWithTheKernelAndItsAlignmentSpellsTheKey()
    {
        var word = Gen.Elements("a", "b", "", "*", "#");
        var keyWord = Gen.Elements("a", "b", "");
        var pattern = Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(word, n)).Select(w => string.Join('.', w));
        var key = Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(keyWord, n)).Select(w => string.Join('.', w));
        Prop.ForAll(pattern.ToArbitrary(), key.ToArbitrary(), (p, k) =>
        {
            var match = TopicWords.Explain(p, k);

            Assert.Equal(TopicPattern.Matches(p, k), match.Matches);
            if (match.Matches)
            {
                // Every pattern word took what its rule allows, and together they took the whole key, in order.
                var taken = new List<string>();
                Assert.Equal(p.Split('.'), match.Words.Select(w => w.Pattern));
                foreach (var w in match.Words)
                {
                    Assert.True(w.Ok);
                    Assert.True(w.Pattern == "#" || w.Taken.Count == 1, $"{w} takes one word");
                    Assert.True(w.Pattern is "#" or "*" || w.Taken[0] == w.Pattern, $"{w} takes itself");
                    taken.AddRange(w.Taken);
                }

                Assert.Equal(k.Split('.'), taken);
            }
        }).Check(Checked);
    }
}
