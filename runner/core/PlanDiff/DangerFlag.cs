namespace Infra.Runner.PlanDiff;

/// <summary>Why a change is flagged as dangerous; also the order flags of one resource are listed in.</summary>
public enum DangerKind
{
    Removal,
    ForcesReplacement,
    ReplicaPromotion,
    StatefulOrProtectedChange,
    WeightsOutsideRunner,
}

/// <summary>
/// A change a reviewer must look at before merging. <see cref="Title"/> says what kind of danger it is (e.g.
/// "forces replacement: port"); <see cref="Notes"/> say why, in prose; <see cref="Changes"/> are the values involved.
/// </summary>
public sealed record DangerFlag(
    string Urn,
    string Type,
    string Name,
    DangerKind Kind,
    string Title,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PropertyChange> Changes);
