using IpcLab.Core.Runtime;

namespace IpcLab.Core.Explore;

/// <summary>
/// Enumerates every way one step can choose which waiter it wakes: the i-th choice the step makes
/// takes the option counted in <c>_taken[i]</c>, and <see cref="Advance"/> moves to the next combination like an
/// odometer, so a step that chooses nothing is tried once and one that chooses among n waiters n times.
/// </summary>
internal sealed class ChoicePath : IWaiterChooser
{
    private readonly List<int> _taken = [];
    private readonly List<int> _options = [];
    private int _depth;

    /// <summary>Starts the enumeration of a new step's choices.</summary>
    public void Begin()
    {
        _taken.Clear();
        _options.Clear();
        _depth = 0;
    }

    /// <summary>Before each try of the step: the choices restart from the first.</summary>
    public void Rewind() => _depth = 0;

    public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters)
    {
        if (_depth == _taken.Count)
        {
            _taken.Add(0);
            _options.Add(waiters.Count);
        }
        else if (_options[_depth] != waiters.Count)
        {
            throw new InvalidOperationException("the same step from the same state offered a different number of waiters: the kernel is not deterministic");
        }

        return waiters[_taken[_depth++]];
    }

    /// <summary>Moves to the next combination of choices; false when every one has been tried.</summary>
    public bool Advance()
    {
        // Choices after the last one this try made belong to another branch: drop them.
        _taken.RemoveRange(_depth, _taken.Count - _depth);
        _options.RemoveRange(_depth, _options.Count - _depth);
        for (var i = _taken.Count - 1; i >= 0; i--)
        {
            if (_taken[i] + 1 < _options[i])
            {
                _taken[i]++;
                _taken.RemoveRange(i + 1, _taken.Count - i - 1);
                _options.RemoveRange(i + 1, _options.Count - i - 1);
                return true;
            }
        }

        return false;
    }
}
