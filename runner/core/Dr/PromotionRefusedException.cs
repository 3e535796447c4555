namespace Infra.Runner.Dr;

/// <summary>
/// RDS answered PromoteReadReplica with a refusal (e.g. AccessDenied, InvalidParameterValue), so it promotes nothing;
/// InvalidDBInstanceState is no proof of that (<see cref="PromotionMaybeTakenException"/>). Any other failure of the call
/// (no answer, a dropped connection, a server error) leaves the outcome unknown: the request may still have reached RDS.
/// </summary>
public sealed class PromotionRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
