using System.Text.RegularExpressions;
using IpcLab.Core.Script;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Compilation;

/// <summary>The language reference says every example on its page compiles: each ```ipl block is compiled here.</summary>
public sealed partial class LanguageReferenceTests
{
    [GeneratedRegex(@"^```ipl\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex IplBlock();

    public static TheoryData<int, string> Examples()
    {
        var text = File.ReadAllText(Path.Combine(KernelTestKit.RepoRoot, "lessons", "README.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<int, string>();
        foreach (Match m in IplBlock().Matches(text))
        {
            var line = text[..m.Index].Count(c => c == '\n') + 2;
            data.Add(line, m.Groups[1].Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compile_ExampleInTheLanguageReference_Compiles(int line, string example)
    {
        var error = Record.Exception(() => Compiler.CompileText($"lessons/README.md:{line}", example));

        Assert.True(error is null, $"the example at lessons/README.md line {line} does not compile: {error?.Message}\n{example}");
    }

    [Fact]
    public void Lessons_EveryFileInTheFolder_IsDescribedInTheReference()
    {
        var text = File.ReadAllText(Path.Combine(KernelTestKit.RepoRoot, "lessons", "README.md"));

        Assert.All(KernelTestKit.LessonFiles(), lesson => Assert.Contains($"**[`{lesson}`]({lesson})**", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Examples_LanguageReference_HasManyExamples()
    {
        Assert.True(Examples().Count >= 20, $"found only {Examples().Count} ```ipl blocks");
    }
}
