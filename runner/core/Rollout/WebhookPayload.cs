using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.Rollout;

/// <summary>
/// The JSON body a webhook receives: the stack, the rollout id, where the release is (<c>at</c>, the step), and per
/// service its colors, new image and the weights at that point. It carries no secret, and is never logged.
/// </summary>
public static class WebhookPayload
{
    /// <param name="weights">Each service's weights at this point (e.g. the step's for post-step, the live color's for rollback).</param>
    public static byte[] Build(string stack, RolloutRecord record, WebhookAt at, Func<RolloutServiceRecord, TrafficWeights> weights, DateTimeOffset sentAt)
    {
        var body = new JsonObject
        {
            ["stack"] = stack,
            ["rolloutId"] = record.Id,
            ["at"] = at.Name(),
            // Signed with the body, so a receiver can refuse a replayed call.
            ["sentAt"] = sentAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["step"] = at == WebhookAt.PostStep
                ? new JsonObject { ["number"] = record.StepIndex + 1, ["of"] = record.Plan.Steps.Count, ["percent"] = record.CurrentPercent }
                : null,
            ["services"] = new JsonArray(record.Services.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["fromColor"] = s.FromColor.ConfigName(),
                ["toColor"] = s.ToColor.ConfigName(),
                ["image"] = s.Image,
                ["weights"] = new JsonObject { ["blue"] = weights(s).Blue, ["green"] = weights(s).Green },
            }).ToArray()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
