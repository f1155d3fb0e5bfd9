using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IpcLab.Benchmarks;

/// <summary>
/// What every numeric column of ours says the same way to BenchmarkDotNet (always shown, custom,
/// dimensionless, ordered by <see cref="PriorityInCategory"/>); a column says only its value.
/// </summary>
public abstract class CustomNumberColumn(string name, string legend, int priority) : IColumn
{
    public string Id => GetType().Name + "." + priority;

    public string ColumnName { get; } = name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; } = legend;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public abstract string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style);

    public override string ToString() => ColumnName;
}
