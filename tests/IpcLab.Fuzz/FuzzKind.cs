namespace IpcLab.Fuzz;

/// <summary>What a mutant is: a script, or a saved run (JSON) replayed on its lesson.</summary>
public enum FuzzKind
{
    Script,
    SavedRun,
}
