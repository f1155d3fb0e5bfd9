using IpcLab.Core.Model;

namespace IpcLab.Core.Tests.Compilation;

public sealed class CompilerTests
{
    private static CompiledProgram Compile(string source) => Core.Script.Compiler.CompileText("x.ipl", source);

    [Fact]
    public void Compile_DesignBoundedBuffer_ExpandsCountedThreadsAndSharesTheirCode()
    {
        var program = Compile(File.ReadAllText(Cli.RepoFiles.Lesson("bounded-buffer.ipl")));

        Assert.Equal(["producer-1", "producer-2", "consumer"], program.Threads.Select(t => t.Name));
        Assert.Same(program.Threads[0].Code, program.Threads[1].Code);
        Assert.Equal(ValueKind.Str, program.Objects.Single(o => o.Name == "buffer").ValueKind);
        Assert.Equal("main", Assert.Single(program.Processes).Name);
    }

    [Fact]
    public void Compile_SharedIncrement_SplitsIntoLoadAndStore()
    {
        var program = Compile("shared count = 0\nthread t:\n    count = count + 1\n");

        var code = program.Threads[0].Code;
        Assert.Equal([OpCode.Load, OpCode.Store], code.Select(i => i.Op));
        Assert.All(code, i => Assert.Equal(3, i.Pos.Line));
    }

    [Fact]
    public void Compile_TwoSharedReads_LoadEachOnceInOrder()
    {
        var program = Compile("shared a = 1\nshared b = 2\nthread t:\n    x = b + a * b\n");

        var code = program.Threads[0].Code;
        Assert.Equal([OpCode.Load, OpCode.Load, OpCode.SetLocal], code.Select(i => i.Op));
        Assert.Equal(["b", "a"], code.Take(2).Select(i => i.Text));
    }

    [Fact]
    public void Compile_Wait_IsReleaseThenReacquire()
    {
        var program = Compile("mutex m\ncond c\nthread t:\n    lock m\n    wait c, m\n    unlock m\n");

        Assert.Equal([OpCode.Lock, OpCode.CondWait, OpCode.Reacquire, OpCode.Unlock], program.Threads[0].Code.Select(i => i.Op));
    }

    [Fact]
    public void Compile_WaitOnSemaphore_IsP()
    {
        var program = Compile("semaphore s = 1\nthread t:\n    wait s\n    post s\n");

        Assert.Equal([OpCode.SemP, OpCode.SemV], program.Threads[0].Code.Select(i => i.Op));
    }

    [Fact]
    public void Compile_WhileLoop_JumpsBackToItsTest()
    {
        var program = Compile("shared n = 0\nthread t:\n    while n < 3:\n        n += 1\n    print n\n");

        var code = program.Threads[0].Code;
        Assert.Equal([OpCode.Branch, OpCode.Load, OpCode.Store, OpCode.Print], code.Select(i => i.Op));
        Assert.Equal(0, code[2].Next);
        Assert.Equal(3, code[0].Jump);
        Assert.Equal(-1, code[3].Next);
    }

    [Fact]
    public void Compile_ConsumerWrittenBeforeProducer_TypesQueueFromTheLaterPut()
    {
        var program = Compile("queue q capacity 1\nthread c:\n    take q -> x\n    print \"got \" + x\nthread p:\n    put q, \"hi\"\n");

        Assert.Equal(ValueKind.Str, program.Objects[0].ValueKind);
    }

    [Fact]
    public void Compile_DeclaredMainProcess_TakesTheTopLevelThreads()
    {
        var program = Compile("process main:\n    thread a:\n        pass\nthread b:\n    pass\n");

        Assert.Equal("main", Assert.Single(program.Processes).Name);
        Assert.Equal([0, 1], program.Processes[0].Threads);
    }

    [Fact]
    public void Compile_ProcessBlocks_GroupThreads()
    {
        var program = Compile("process server:\n    mutex m\n    thread worker * 2:\n        lock m\n        unlock m\nthread client:\n    pass\n");

        Assert.Equal(["server", "main"], program.Processes.Select(p => p.Name));
        Assert.Equal([0, 1], program.Processes[0].Threads);
        Assert.Equal(1, program.Threads[2].Process);
    }
}
