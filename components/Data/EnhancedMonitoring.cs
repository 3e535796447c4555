using System.Text.Json;

namespace Infra.Components.Data;

/// <summary>RDS enhanced monitoring: how often it samples and the role RDS assumes to publish the metrics.</summary>
public static class EnhancedMonitoring
{
    public const int IntervalSeconds = 60;

    public const string ServicePrincipal = "monitoring.rds.amazonaws.com";

    /// <summary>The AWS managed policy that lets RDS write OS metrics to CloudWatch Logs.</summary>
    public const string ManagedPolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole";

    /// <summary>The role's trust policy: only the RDS monitoring service may assume it.</summary>
    public static string TrustPolicyJson { get; } = JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new { Effect = "Allow", Principal = new { Service = ServicePrincipal }, Action = "sts:AssumeRole" },
        },
    });
}
