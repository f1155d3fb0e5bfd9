using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IpcLab.Benchmarks;

/// <summary>
/// The mean time of a compile benchmark divided by its parameter N (declarations or thread
/// blocks): flat across N when compiling is linear, growing with N when it is not.
/// </summary>
public sealed class PerItemColumn : IColumn
{
    public string Id => nameof(PerItemColumn);

    public string ColumnName => "µs/item";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time divided by N, in microseconds";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || benchmarkCase.Parameters["N"] is not int n || n == 0)
        {
            return "-";
        }

        return (stats.Mean / 1000.0 / n).ToString("0.000", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
