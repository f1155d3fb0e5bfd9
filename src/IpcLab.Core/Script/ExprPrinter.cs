using System.Globalization;
using System.Text;

namespace IpcLab.Core.Script;

/// <summary>Prints an expression back as source text, for event sentences ("checks empty(buffer)").</summary>
public static class ExprPrinter
{
    public static string Print(Expr expr) => expr switch
    {
        IntLit i => i.Value.ToString(CultureInfo.InvariantCulture),
        BoolLit b => b.Value ? "true" : "false",
        StrLit s => Quote(s.Value),
        InterpolatedStr s => PrintInterpolated(s),
        NameExpr n => n.Name,
        IndexExpr x => $"{x.Target.Name}[{Print(x.Index)}]",
        RangeExpr r => $"{Print(r.From)}..{Print(r.To)}",
        CallExpr c => $"{c.Function.Name}({string.Join(", ", c.Args.Select(Print))})",
        UnaryExpr u => u.Op == "not" ? $"not {Child(u.Operand, 7)}" : $"-{Child(u.Operand, 7)}",
        BinaryExpr b => $"{Child(b.Left, Precedence(b.Op))} {b.Op} {Child(b.Right, Precedence(b.Op) + 1)}",
        _ => "?",
    };

    private static string Child(Expr e, int context) =>
        e is BinaryExpr b && Precedence(b.Op) < context ? $"({Print(e)})" : Print(e);

    private static int Precedence(string op) => op switch
    {
        "or" => 1,
        "and" => 2,
        "==" or "!=" or "<" or "<=" or ">" or ">=" => 4,
        "+" or "-" => 5,
        _ => 6,
    };

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "\"";

    private static string PrintInterpolated(InterpolatedStr s)
    {
        var sb = new StringBuilder("\"");
        foreach (var part in s.Parts)
        {
            if (part is StrLit lit)
            {
                sb.Append(Quote(lit.Value)[1..^1]);
            }
            else
            {
                sb.Append('{').Append(Print(part)).Append('}');
            }
        }

        return sb.Append('"').ToString();
    }
}
