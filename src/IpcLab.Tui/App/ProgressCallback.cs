namespace IpcLab.Tui.App;

/// <summary>
/// Progress handed straight to a callback on the reporting thread. <see cref="Progress{T}"/> would
/// post it to a synchronization context instead, and a search on the thread pool has none to post to
/// that the screen reads: the callback hops to the UI thread itself.
/// </summary>
internal sealed class ProgressCallback<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
