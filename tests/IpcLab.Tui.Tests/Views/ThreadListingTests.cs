using IpcLab.Core.Sessions;
using IpcLab.Tui.Views;

namespace IpcLab.Tui.Tests.Views;

/// <summary>The rows of a thread's listing given any number of lines, over every lesson at several steps.</summary>
public sealed class ThreadListingTests
{
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TuiScenarios.RepoRoot, "lessons"), "*.ipl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Rows_AnySize_FillExactlyTheRoomInOrderAndKeepTheMarkedLine(string lesson)
    {
        var session = TuiScenarios.LessonAt(lesson, 0).Session!;
        session.UseScheduler(SchedulerKind.RoundRobin);
        foreach (var step in new[] { 0, 7, 25 })
        {
            session.GoTo(step);
            var kernel = session.Kernel;
            for (var t = 0; t < kernel.Program.Threads.Count; t++)
            {
                var listing = new ThreadListing(kernel.Program, kernel.Program.Threads[t], kernel.NextInstruction(t));
                for (var size = 1; size <= listing.Count + 1; size++)
                {
                    var rows = listing.Rows(size);
                    var where = $"{lesson} step {step} thread {t} size {size}";

                    Assert.True(rows.Count == Math.Min(size, listing.Count), where);
                    for (var r = 1; r < rows.Count; r++)
                    {
                        Assert.True(rows[r].First == rows[r - 1].Last + 1, where);
                    }

                    if (listing.Marked >= 0)
                    {
                        Assert.Contains((listing.Marked, listing.Marked), rows);
                    }

                    if (size >= listing.FoldedCount)
                    {
                        Assert.True(rows[0].First == 0 && rows[^1].Last == listing.Count - 1, where);
                    }
                }
            }
        }
    }

    [Fact]
    public void Rows_ShortOfRoom_FoldsAssignmentsButNotOperationsBranchesOrLoops()
    {
        var session = TuiScenarios.LessonAt("socket-select.ipl", 0).Session!;
        var kernel = session.Kernel;
        var listing = new ThreadListing(kernel.Program, kernel.Program.Threads[0], kernel.NextInstruction(0));

        var rows = listing.Rows(listing.Count - 5);

        // Lines 22-27 of the file: c1 = -1 ... log = "" (the three V ready before them stay).
        Assert.Equal((4, 9), rows[4]);
        Assert.All(rows.Where(r => r != (4, 9)), r => Assert.Equal(r.First, r.Last));
    }
}
