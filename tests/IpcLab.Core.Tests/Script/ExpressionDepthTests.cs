using IpcLab.Core.Runtime;
using IpcLab.Core.Script;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Script;

/// <summary>
/// How deep an expression may be, counting chains of binary operators (`1 + 1 + ...` is a tree as
/// deep as it is long) as well as parentheses: too deep is an error at the operator that goes past
/// the limit, never a stack overflow in the compiler or the kernel.
/// </summary>
public sealed class ExpressionDepthTests
{
    private static string Chain(int operators, string op, string term = "1") =>
        term + string.Concat(Enumerable.Repeat($" {op} {term}", operators));

    [Theory]
    [InlineData("+", "1")]
    [InlineData("-", "1")]
    [InlineData("*", "1")]
    [InlineData("and", "true")]
    [InlineData("or", "false")]
    public void Compile_TwelveThousandTermChain_IsAnErrorAtTheOperatorPastTheLimit(string op, string term)
    {
        var source = $"thread t:\n    x = {Chain(12_000, op, term)}\n";

        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("long.ipl", source));

        var column = 9 + term.Length + (Parser.MaxDepth * (op.Length + term.Length + 2)) + 1;
        Assert.Equal(new SourcePos(2, column), error.Pos);
        Assert.Equal($"long.ipl:2:{column}: expression too deep (more than {Parser.MaxDepth} operators in a chain or levels of nesting); split it into parts held in local variables", error.Message);
    }

    [Fact]
    public void Compile_ChainsInsideNestedParentheses_CountTheirTotalDepth()
    {
        var expr = "1";
        for (var i = 0; i < 100; i++)
        {
            expr = $"({expr}{string.Concat(Enumerable.Repeat(" + 1", 100))})";
        }

        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("deep.ipl", $"thread t:\n    x = {expr}\n"));

        Assert.Contains("expression too deep", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChainAtTheLimit_CompilesAndAddsUp()
    {
        var kernel = KernelTestKit.NewKernel($"thread t:\n    x = {Chain(Parser.MaxDepth, "+")}\n    print x\n");

        KernelTestKit.Drive(kernel, new Core.Scheduling.RoundRobinScheduler());

        Assert.Contains($"t prints: {Parser.MaxDepth + 1}", KernelTestKit.Sentences(kernel));
        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(0));
    }

    [Fact]
    public void Compile_LongChainInAFinalCheck_IsAnError()
    {
        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("x.ipl", $"expect {Chain(5_000, "or", "false")}\n"));

        Assert.Equal(1, error.Pos.Line);
        Assert.Contains("expression too deep", error.Detail, StringComparison.Ordinal);
    }
}
