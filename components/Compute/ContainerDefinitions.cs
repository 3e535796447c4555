using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Components.Compute;

/// <summary>
/// The container definitions JSON of one color's task definition: a single essential container named after the
/// service, its port, logs to the service's log group, a health check, environment and secrets by ARN.
/// </summary>
public static class ContainerDefinitions
{
    /// <summary>The container health check's grace period; the target group's checks take over after it.</summary>
    public const int HealthCheckStartPeriodSeconds = 60;

    /// <summary>
    /// A color without an image of its own runs the live color's image, so its task definition stays valid while it
    /// is idle (at zero tasks by default).
    /// </summary>
    public static string ImageFor(ServiceSettings service, Color color) =>
        service.Image[color] ?? service.Image[service.LiveColor]
        ?? throw new ArgumentException($"service {service.Name} has no image for its live color {service.LiveColor.ToConfigName()}; set infra:services.{service.Name}.image.{service.LiveColor.ToConfigName()}", nameof(service));

    /// <summary>The variable that tells the application where its database is.</summary>
    public const string DatabaseHostVariable = "DATABASE_HOST";

    /// <param name="databaseHost">Given to the container as <see cref="DatabaseHostVariable"/> when set.</param>
    public static string Json(ServiceSettings service, Color color, string logGroupName, string region, string? databaseHost = null)
    {
        var environment = databaseHost is null
            ? service.Environment.AsEnumerable()
            : service.Environment.Append(KeyValuePair.Create(DatabaseHostVariable, databaseHost));
        var container = new JsonObject
        {
            ["name"] = service.Name,
            ["image"] = ImageFor(service, color),
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject
            {
                ["containerPort"] = service.ContainerPort,
                ["protocol"] = "tcp",
            }),
            ["logConfiguration"] = new JsonObject
            {
                ["logDriver"] = "awslogs",
                ["options"] = new JsonObject
                {
                    ["awslogs-group"] = logGroupName,
                    ["awslogs-region"] = region,
                    ["awslogs-stream-prefix"] = color.ToConfigName(),
                },
            },
            ["healthCheck"] = new JsonObject
            {
                // The image must ship curl; the same path the load balancer checks, on the container's own port.
                ["command"] = new JsonArray("CMD-SHELL", $"curl -fsS http://localhost:{service.ContainerPort}{service.HealthCheck.Path} || exit 1"),
                ["interval"] = service.HealthCheck.IntervalSeconds,
                ["timeout"] = 5,
                ["retries"] = service.HealthCheck.UnhealthyThreshold,
                ["startPeriod"] = HealthCheckStartPeriodSeconds,
            },
            ["environment"] = new JsonArray(environment.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value }).ToArray()),
            ["secrets"] = new JsonArray(service.Secrets.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["valueFrom"] = e.Value }).ToArray()),
        };
        return new JsonArray(container).ToJsonString();
    }
}
