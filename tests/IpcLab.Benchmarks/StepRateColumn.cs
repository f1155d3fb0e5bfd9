using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IpcLab.Benchmarks;

/// <summary>
/// Turns the mean time of one run of <see cref="KernelStepBenchmarks"/> into a step rate. The step
/// count is computed here, in the host process, by running the scenario once: the benchmarks run
/// in a child process, and the seed fixes the count, so both sides agree (the benchmark itself
/// throws if a run takes a different number of steps).
/// </summary>
public sealed class StepRateColumn : CustomNumberColumn
{
    public static readonly StepRateColumn StepsPerRun = new("Steps/run", "Steps in one run of the scenario (fixed by the seed)", Kind.Steps);
    public static readonly StepRateColumn NanosecondsPerStep = new("ns/step", "Mean time of a run divided by its steps", Kind.NsPerStep);
    public static readonly StepRateColumn MegaStepsPerSecond = new("Msteps/s", "Millions of kernel steps per second (1000 / ns per step)", Kind.MStepsPerSecond);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> s_steps = new(StringComparer.Ordinal);
    private readonly Kind _kind;

    private StepRateColumn(string name, string legend, Kind kind)
        : base(name, legend, (int)kind)
    {
        _kind = kind;
    }

    private enum Kind
    {
        Steps,
        NsPerStep,
        MStepsPerSecond,
    }

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(KernelStepBenchmarks))
        {
            return "-";
        }

        var program = benchmarkCase.Parameters["Program"] as string ?? "bounded-buffer";
        var steps = s_steps.GetOrAdd(program, Scenario.StepsPerRun);
        if (_kind == Kind.Steps)
        {
            return steps.ToString("N0", CultureInfo.InvariantCulture);
        }

        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not { } ns || steps == 0)
        {
            return "NA";
        }

        var perStep = ns / steps;
        return _kind == Kind.NsPerStep
            ? perStep.ToString("F1", CultureInfo.InvariantCulture)
            : (1000 / perStep).ToString("F2", CultureInfo.InvariantCulture);
    }

}
