using IpcLab.Core.Script;

namespace IpcLab.Core.Tests.Compilation;

public sealed class CompilerErrorTests
{
    [Theory]
    [InlineData("mutex m\ncond c\nthread t:\n    wait m, m\n", 4, 10, "wait expects a condition variable, but m is a mutex")]
    [InlineData("mutex m\nthread t:\n    lock n\n", 3, 10, "unknown mutex 'n'")]
    [InlineData("mutex m\ncond m\n", 2, 6, "duplicate name 'm' (already declared at line 1)")]
    [InlineData("mutex m\nthread t:\n    pass\nthread t:\n    pass\n", 4, 8, "duplicate thread name 't'")]
    [InlineData("mutx m\n", 1, 1, "unknown declaration 'mutx'")]
    [InlineData("mutex m\nthread t:\n    lokc m\n", 3, 5, "unknown operation 'lokc' (did you mean 'lock'?)")]
    [InlineData("queue q\n", 1, 7, "queue q needs a capacity")]
    [InlineData("queue q capacity 0\n", 1, 18, "capacity must be a whole number from 1 to 64")]
    [InlineData("queue q capacity 2 size 3\n", 1, 20, "unknown option 'size' for a queue")]
    [InlineData("semaphore s = -1\n", 1, 15, "initial count must be a whole number, 0 or more")]
    [InlineData("mutex m = 1\n", 1, 11, "a mutex has no initial value")]
    [InlineData("thread t:\n    print x\n", 2, 11, "unknown name 'x'")]
    [InlineData("thread t:\n    x = x + 1\n", 2, 9, "unknown name 'x'")]
    [InlineData("thread t:\n    x = 1\n    x = \"a\"\n", 3, 5, "x holds a number, cannot store a string in it")]
    [InlineData("thread t:\n    x = \"a\" + 1\n", 2, 13, "cannot add a string and a number")]
    [InlineData("thread t:\n    if \"a\":\n        pass\n", 2, 8, "a condition must be true/false or a number")]
    [InlineData("mutex m\nthread t:\n    m = 1\n", 3, 5, "cannot assign to m: it is a mutex")]
    [InlineData("mutex m\nthread t:\n    print m\n", 3, 11, "m is a mutex, not a value")]
    [InlineData("queue q capacity 2\nthread t:\n    put q, 1\n    put q, \"s\"\n", 4, 12, "q holds numbers (its first put decides), but this is a string")]
    [InlineData("mutex m\nthread t:\n    lock m, m\n", 3, 5, "lock takes 1 operand, found 2")]
    [InlineData("queue q capacity 1\nthread t:\n    take q\n", 3, 5, "take gives 1 result after `->`")]
    [InlineData("mutex m\nthread t:\n    print full(m)\n", 3, 16, "full expects a queue or a message queue, but m is a mutex")]
    [InlineData("thread t:\n    print size(1)\n", 2, 11, "size takes one argument, the name of a queue or a message queue")]
    [InlineData("queue q capacity 2 capacity 3\nthread t:\n    pass\n", 1, 20, "option 'capacity' is given twice")]
    [InlineData("shm seg size 2 size 3\nthread t:\n    pass\n", 1, 16, "option 'size' is given twice")]
    [InlineData("mqueue q capacity 2\nthread t:\n    print q\n", 3, 11, "q is a message queue, not a value (use full(q), empty(q), size(q) or capacity(q))")]
    [InlineData("group g capacity 2\nthread t:\n    print value(g)\n", 3, 17, "value expects a semaphore, but g is a group (use members(g) or dropped(g))")]
    [InlineData("thread t * 0:\n    pass\n", 1, 12, "thread count must be a whole number from 1 to 32")]
    [InlineData("shared c = 0\nexpect self == c\n", 2, 8, "self is only defined inside a thread")]
    [InlineData("thread t:\n    self = 1\n", 2, 5, "cannot assign to self")]
    [InlineData("process a:\n    mutex m\n    thread t:\n        pass\nprocess a:\n    mutex n\n", 5, 9, "duplicate process name 'a'")]
    [InlineData("shared flag = false\nthread t:\n    flag = 5\n", 3, 12, "flag holds a boolean, cannot store a number in it")]
    [InlineData("shared n = 0\nthread t:\n    print n == true\n", 3, 13, "cannot compare a number with a boolean")]
    [InlineData("process a:\n    mutex m\nprocess b:\n    mutex m\nthread t:\n    lock m\n", 6, 10, "unknown mutex 'm' (processes a and b each have one, and only their own threads can use it)")]
    [InlineData("process a:\n    mutex m\nmutex m\n", 3, 7, "duplicate name 'm' (already declared at line 2)")]
    [InlineData("mutex m\nprocess a:\n    mutex m\n", 3, 11, "duplicate name 'm' (already declared at line 1)")]
    [InlineData("process a:\n    mutex m\nprocess b:\n    mutex m\nmutex m\n", 5, 7, "duplicate name 'm' (already declared at line 2)")]
    [InlineData("process a:\n    mutex m\n    cond m\n", 3, 10, "duplicate name 'm' (already declared at line 2)")]
    [InlineData("process main:\n    mutex m\nthread t:\n    lock m\n", 4, 10, "unknown mutex 'm' (it belongs to process main, and only its threads can use it)")]
    [InlineData("process a:\n    thread t:\n        spawn b\n", 3, 15, "unknown process 'b' (declared: a)")]
    public void Compile_Mistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        ScriptErrorAssert.At(source, line, column, message);

    [Fact]
    public void Compile_ProcessObjects_AreInvisibleToOtherProcesses()
    {
        const string source = "process a:\n    mutex m\n    thread t:\n        lock m\nprocess b:\n    thread u:\n        lock m\n";

        var error = Assert.Throws<ScriptError>(() => Core.Script.Compiler.CompileText("x.ipl", source));

        Assert.Equal(new SourcePos(7, 14), error.Pos);
        Assert.Equal("unknown mutex 'm' (it belongs to process a, and only its threads can use it)", error.Detail);
    }
}
