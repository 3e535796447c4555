namespace Infra.Stacks.Settings;

/// <summary><c>infra:loadBalancer.accessLogs</c>: one line per request the load balancer handled, for audits and incidents.</summary>
/// <param name="Enabled">Default staging false, production true.</param>
/// <param name="RetentionDays">How long the bucket keeps a log file before it expires. Default 90.</param>
public sealed record AccessLogSettings(bool Enabled, int RetentionDays);
