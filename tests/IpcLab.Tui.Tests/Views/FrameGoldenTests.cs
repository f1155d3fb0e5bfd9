namespace IpcLab.Tui.Tests.Views;

/// <summary>Whole frames compared with the golden files in Golden/ (see <see cref="GoldenFile"/>).</summary>
public sealed class FrameGoldenTests
{
    public static TheoryData<string, int, int> Frames => new()
    {
        { "start", 100, 30 },
        { "start", 160, 48 },
        { "bounded-buffer-blocked", 100, 30 },
        { "bounded-buffer-blocked", 160, 48 },
        { "cargill-deadlock", 100, 30 },
        { "cargill-deadlock", 160, 48 },
        { "help", 100, 30 },
        { "help", 160, 48 },
        { "shm-ring", 100, 30 },
        { "shm-ring", 160, 48 },
        { "socket-echo", 100, 30 },
        { "socket-echo", 160, 48 },
        { "delivery-patterns", 100, 30 },
        { "delivery-patterns", 160, 48 },
    };

    public static TuiState Scenario(string name) => name switch
    {
        "start" => TuiScenarios.Start(),
        "bounded-buffer-blocked" => TuiScenarios.BoundedBufferBlocked(),
        "cargill-deadlock" => TuiScenarios.CargillDeadlock(),
        "help" => TuiScenarios.Help(),
        "shm-ring" => TuiScenarios.LessonAt("shm-ring.ipl", 21),
        "socket-echo" => TuiScenarios.LessonAt("socket-echo.ipl", 14),
        "delivery-patterns" => TuiScenarios.LessonAt("delivery-patterns.ipl", 67),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown scenario"),
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Frame_MatchesGoldenFile(string scenario, int width, int height) =>
        GoldenFile.Check($"{scenario}-{width}x{height}", FrameRenderer.Render(Scenario(scenario), width, height));

    [Theory]
    [InlineData(80, 24)]
    [InlineData(99, 30)]
    [InlineData(100, 29)]
    [InlineData(60, 20)]
    public void TooSmall_MatchesGoldenFile(int width, int height) =>
        GoldenFile.Check($"too-small-{width}x{height}", FrameRenderer.Render(TuiScenarios.BoundedBufferBlocked(), width, height));
}
