using IpcLab.Core.Model;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Objects.MessageQueue;

namespace IpcLab.Core.Script;

// size(q), empty(q), full(q), capacity(q) on a message queue; members(g), dropped(g) on a group.
internal sealed partial class ExprCompiler
{
    private CExpr MessagingCall(string f, NameExpr arg, ObjectInfo obj)
    {
        if (f is "members" or "dropped")
        {
            return obj.Kind == ObjectKind.Group
                ? new GroupFuncExpr(f == "members" ? GroupFunc.Members : GroupFunc.Dropped, obj.Id, obj.Capacity)
                : throw scope.Error(arg.Pos, $"{f} expects a group, but {arg.Name} is a {obj.KindWord}");
        }

        if (obj.Kind != ObjectKind.MessageQueue)
        {
            throw scope.Error(arg.Pos, $"{f} expects a queue or a message queue, but {arg.Name} is a {obj.KindWord} (use members({arg.Name}) or dropped({arg.Name}))");
        }

        var func = f switch
        {
            "full" => QueueFunc.Full,
            "empty" => QueueFunc.Empty,
            "size" => QueueFunc.Size,
            _ => QueueFunc.Capacity,
        };
        return new MessageQueueFuncExpr(func, obj.Id, obj.Capacity);
    }
}
