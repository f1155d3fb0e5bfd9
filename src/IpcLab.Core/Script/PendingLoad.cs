using IpcLab.Core.Model;

namespace IpcLab.Core.Script;

/// <summary>
/// A shared read found on the right of an assignment, to become a load step of its own before
/// the step that computes and stores: a shared variable (<see cref="Index"/> null) or a word
/// <c>seg[i]</c> of a segment.
/// </summary>
/// <param name="Key">What is read, as written ("count", "seg[0]"); the same read twice shares one load.</param>
/// <param name="To">The last word of a range read <c>seg[a..b]</c>, or null for one word.</param>
internal sealed record PendingLoad(ObjectInfo Source, int Register, CExpr? Index, string Key, CExpr? To = null);
