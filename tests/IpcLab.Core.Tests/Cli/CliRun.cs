using IpcLab.Diagnostics;

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

    /// <summary>Runs it in an environment of the test's own (variables, temporary folder, process id, fault injection).</summary>
    public static CliRun In(CliEnvironment env, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = IpcLab.Cli.Execute(args, o, e, env);
        return new CliRun(exit, o.ToString(), e.ToString());
    }

    /// <summary>An environment with only these variables, its temporary folder at <paramref name="temp"/> and process id 4242.</summary>
    public static CliEnvironment Environment(string temp, params (string Name, string Value)[] variables) => new()
    {
        Variable = name => variables.FirstOrDefault(v => v.Name == name).Value,
        TempDirectory = temp,
        ProcessId = 4242,
    };
}
