using BenchmarkDotNet.Running;

namespace IpcLab.Benchmarks;

/// <summary>
/// Kernel speed and snapshot cost. Run with <c>make bench</c>, or
/// <c>dotnet run --project tests/IpcLab.Benchmarks -c Release -- --filter '*'</c>
/// (add <c>--job short</c> for a quicker, rougher run). Each class carries its own
/// <see cref="BenchConfig"/>; each gets its own summary table.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
