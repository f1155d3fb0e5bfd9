using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IpcLab.Core.Explore;

namespace IpcLab.Benchmarks;

/// <summary>
/// States of one exploration of <see cref="ExploreBenchmarks"/>, its mean time and allocation per
/// state, and the bytes it keeps per state. The state count and the bytes kept are computed here,
/// in the host process, by exploring once (the exploration is deterministic, and the benchmark
/// throws if a run finds another count).
/// </summary>
public sealed class ExploreRateColumn : CustomNumberColumn
{
    public static readonly ExploreRateColumn States = new("States", "Distinct states of one complete exploration", Kind.States);
    public static readonly ExploreRateColumn StatesPerSecond = new("kstates/s", "Thousands of distinct states explored per second", Kind.PerSecond);
    public static readonly ExploreRateColumn BytesPerState = new("B/state", "Bytes allocated by one exploration divided by its states", Kind.Bytes);
    public static readonly ExploreRateColumn KeptPerState = new("kept B/state", "Bytes the visited set and the widest queue of states to expand hold, divided by the states", Kind.Kept);

    private static readonly ConcurrentDictionary<string, ExploreReport> s_reports = new(StringComparer.Ordinal);
    private readonly Kind _kind;

    private ExploreRateColumn(string name, string legend, Kind kind)
        : base(name, legend, (int)kind)
    {
        _kind = kind;
    }

    private enum Kind
    {
        States,
        PerSecond,
        Bytes,
        Kept,
    }

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(ExploreBenchmarks))
        {
            return "-";
        }

        var buffer = benchmarkCase.Parameters["Buffer"] as string ?? "P2C2B2K3";
        var reductions = benchmarkCase.Parameters["Reductions"] as string ?? "none";
        var explored = s_reports.GetOrAdd(buffer + " " + reductions, _ => ExploreBenchmarks.ReportOf(buffer, reductions));
        var states = explored.States;
        var report = summary[benchmarkCase];
        return _kind switch
        {
            Kind.States => states.ToString("N0", CultureInfo.InvariantCulture),
            Kind.PerSecond when report?.ResultStatistics?.Mean is { } ns => (states / ns * 1e6).ToString("N1", CultureInfo.InvariantCulture),
            Kind.Kept => ((explored.GraphBytes + explored.FrontierBytes) / (double)states).ToString("N0", CultureInfo.InvariantCulture),
            Kind.Bytes when report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } bytes => (bytes / (double)states).ToString("N0", CultureInfo.InvariantCulture),
            _ => "NA",
        };
    }
}
