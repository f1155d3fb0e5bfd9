namespace IpcLab.Tui;

/// <summary>What a one-line text prompt in the status bar is asking for.</summary>
public enum PromptKind
{
    /// <summary>No prompt is open.</summary>
    None,

    /// <summary>"go to step: " — digits, Enter jumps.</summary>
    GoToStep,

    /// <summary>"seed: " — digits, Enter switches to the random scheduler with that seed.</summary>
    Seed,

    /// <summary>"save as: " — a file name, Enter saves the run.</summary>
    SaveAs,

    /// <summary>"wake which waiter?" — a number picks among <see cref="TuiState.WakeChoices"/>.</summary>
    WakeChoice,

    /// <summary>"inject spurious wake-up of: " / "crash thread: " — a thread number.</summary>
    SpuriousWakeup,

    /// <summary>See <see cref="SpuriousWakeup"/>.</summary>
    Crash,

    /// <summary>"crash process: " — a process number; all its threads stop, its descriptors close.</summary>
    CrashProcess,

    /// <summary>q with steps not saved: y quits, S saves first, Esc or n stays.</summary>
    ConfirmQuit,

    /// <summary>m or Esc with steps not saved: y goes back to the programs (the run is dropped), S saves first, Esc or n stays.</summary>
    ConfirmBack,
}
