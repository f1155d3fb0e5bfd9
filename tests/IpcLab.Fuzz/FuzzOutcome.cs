namespace IpcLab.Fuzz;

/// <summary>How the command took a mutant.</summary>
public enum FuzzOutcome
{
    /// <summary>Exit 0: the mutant ran to a clean end.</summary>
    Exit0,

    /// <summary>Exit 1: the run ended in a finding.</summary>
    Exit1,

    /// <summary>Exit 2: bad input, said clearly (with file:line:column where there is one).</summary>
    Exit2,

    /// <summary>Anything else: another exit code, a stack trace or a stray line on stderr, a position outside the file.</summary>
    Crash,
}
