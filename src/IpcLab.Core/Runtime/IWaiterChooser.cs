namespace IpcLab.Core.Runtime;

/// <summary>Decides which waiter a <c>signal</c> wakes when several wait: a choice the schedule records.</summary>
public interface IWaiterChooser
{
    /// <summary>Returns one of <paramref name="waiters"/> (given in FIFO order).</summary>
    int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters);
}
