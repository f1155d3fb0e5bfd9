using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Processes;

public sealed class SharedMemoryCompileTests
{
    [Theory]
    [InlineData("shm s\n", 1, 5, "segment s needs a size in words")]
    [InlineData("shm s size 0\n", 1, 12, "a segment's size must be a whole number of words from 1 to 64")]
    [InlineData("shm s size 2 capacity 3\n", 1, 14, "unknown option 'capacity' for a segment")]
    [InlineData("process p:\n    shm s size 2\n    thread t:\n        pass\n", 2, 9, "declare the segment s at top level")]
    [InlineData("shared x = 0\nmutex m in x\n", 2, 12, "`in` names a shared-memory segment")]
    [InlineData("shm s size 1\nmutex m capacity 2\n", 2, 9, "unknown option 'capacity' for a mutex; expected `in SEGMENT`")]
    [InlineData("queue q capacity 2\nthread t:\n    print q[0]\n", 3, 11, "q is a queue, not a shared-memory segment")]
    [InlineData("thread t:\n    z[0] = 1\n", 2, 5, "unknown name 'z' (only a shared-memory segment")]
    [InlineData("shm s size 2\nthread t:\n    s[0] = \"a\"\n", 3, 12, "a segment holds numbers (int words), cannot store a string in s[0]")]
    [InlineData("shm s size 2\nthread t:\n    s[\"a\"] = 1\n", 3, 7, "a segment index must be a number")]
    [InlineData("shm s size 2\nthread t:\n    s[0 = 1\n", 3, 9, "']' to close the '[' after 's'")]
    [InlineData("shm s size 2\nthread t:\n    s[0] print\n", 3, 10, "expected '=', '+=' or '-=' after 's[...]'")]
    [InlineData("shm s size 2\nthread t:\n    map t\n", 3, 9, "unknown shared-memory segment 't'")]
    [InlineData("mutex m\nthread t:\n    map m\n", 3, 9, "map expects a shared-memory segment, but m is a mutex")]
    [InlineData("thread t:\n    spawn nobody\n", 2, 11, "unknown process 'nobody'")]
    [InlineData("process a:\n    thread t:\n        spawn a\n", 3, 15, "a process cannot spawn itself")]
    [InlineData("mutex m\nthread t:\n    lock m -> died\n", 3, 15, "only a mutex in shared memory can report a dead owner")]
    [InlineData("thread t:\n    exit 1\n", 2, 5, "exit takes 0 operands, found 1")]
    [InlineData("shm s size 4\nthread t:\n    s[0..1] += 1\n", 3, 5, "`+=` cannot apply to a range of words; write `s[0..1] = VALUE` to fill it")]
    [InlineData("shm s size 4\nthread t:\n    x = s[0..1] + 1\n", 3, 17, "cannot add a string and a number")]
    public void Compile_SharedMemoryMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_IncrementOfAWord_IsALoadStepThenAStoreStep()
    {
        var program = Compiler.CompileText("x.ipl", "shm s size 2\nthread t:\n    map s\n    s[1] += 1\n");
        var code = program.Threads[0].Code;

        Assert.Equal([OpCode.Map, OpCode.ShmLoad, OpCode.ShmStore], code.Select(i => i.Op));
        Assert.Equal("s[1]", code[1].Text);
        Assert.Equal("s[1] += 1", code[2].Text);
    }

    [Fact]
    public void Compile_ObjectsInASegment_RecordTheirSegment()
    {
        var program = Compiler.CompileText("x.ipl", "shm s size 2\nmutex m in s\nsemaphore free = 2 in s\ncond c in s\nmutex plain\n");
        var segment = program.Objects.Single(o => o.Kind == ObjectKind.SharedMemory);

        Assert.Equal(2, segment.Capacity);
        Assert.All(program.Objects.Where(o => o.Name is "m" or "free" or "c"), o => Assert.Equal(segment.Id, o.Segment));
        Assert.Equal(-1, program.Objects.Single(o => o.Name == "plain").Segment);
        Assert.Equal(2, program.Objects.Single(o => o.Name == "free").Initial);
    }

    [Fact]
    public void Compile_SpawnedProcess_StartsOnSpawnAndTheOthersDoNot()
    {
        var program = Compiler.CompileText("x.ipl", "process parent:\n    thread p:\n        spawn child\nprocess child:\n    thread c:\n        pass\n");

        Assert.False(program.Processes.Single(p => p.Name == "parent").StartsOnSpawn);
        Assert.True(program.Processes.Single(p => p.Name == "child").StartsOnSpawn);
    }
}
