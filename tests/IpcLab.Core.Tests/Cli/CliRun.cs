namespace IpcLab.Core.Tests.Cli;

/// <summary>Runs the ipclab command in-process and captures its output and exit code.</summary>
internal sealed record CliRun(int Exit, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = IpcLab.Cli.Execute(args, o, e);
        return new CliRun(exit, o.ToString(), e.ToString());
    }
}
