using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

// Process operations: map / unmap a shared-memory segment, spawn a process, exit, crash.
internal sealed partial class ThreadCompiler
{
    private void CompileProcessOp(OpStmt op)
    {
        var name = op.Op.Name;
        switch (name)
        {
            case "map":
            case "unmap":
                Shape(op, 1, 0, $"{name} seg");
                Emit(new Instr { Op = name == "map" ? OpCode.Map : OpCode.Unmap, Pos = op.Pos, A = Operand(op, 0, ObjectKind.SharedMemory).Id });
                break;
            case "spawn":
                Shape(op, 1, 0, "spawn PROCESS");
                Emit(new Instr { Op = OpCode.Spawn, Pos = op.Pos, A = ProcessOperand(op), Text = ExprPrinter.Print(op.Args[0]) });
                break;
            default:
                Shape(op, 0, 0, name);
                Emit(new Instr { Op = name == "exit" ? OpCode.Exit : OpCode.CrashProcess, Pos = op.Pos });
                break;
        }
    }

    private int ProcessOperand(OpStmt op)
    {
        var arg = op.Args[0];
        if (arg is not NameExpr n)
        {
            throw _scope.Error(arg.Pos, $"spawn expects a process name, found `{ExprPrinter.Print(arg)}`");
        }

        if (!_scope.ProcessIds.TryGetValue(n.Name, out var id))
        {
            var known = _scope.Processes.Count == 0 ? "none is declared" : $"declared: {string.Join(", ", _scope.Processes)}";
            throw _scope.Error(n.Pos, $"unknown process '{n.Name}' ({known}); declare it with `process {n.Name}:`");
        }

        if (id == _scope.Process)
        {
            throw _scope.Error(n.Pos, $"a process cannot spawn itself: its threads run only once {n.Name} is spawned by another process");
        }

        return id;
    }
}
