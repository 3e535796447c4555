namespace Infra.Runner.Dr;

/// <summary>
/// RDS answered PromoteReadReplica with InvalidDBInstanceState. That is how it answers an instance that is not an
/// available replica, but also the SDK's own retry of a call whose answer was lost after RDS took it (the instance is
/// then already promoting). So the outcome is not known, as for a call with no answer, and RDS is watched to settle it.
/// </summary>
public sealed class PromotionMaybeTakenException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    public static PromotionMaybeTakenException InvalidState(string instanceId, string rdsMessage, Exception? innerException = null) => new(
        $"PromoteReadReplica for {instanceId} was answered InvalidDBInstanceState ({rdsMessage}), as RDS also answers the SDK's retry of a promotion it took",
        innerException);
}
