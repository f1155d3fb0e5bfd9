using IpcLab;

return Cli.Execute(args, Console.Out, Console.Error);
