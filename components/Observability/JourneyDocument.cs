using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Components.Observability;

/// <summary>
/// The <c>journey.json</c> a canary's script walks (see <c>components/assets/synthetic-journey</c>): the journey's name,
/// its origin when it is a journey by URL (else null: the canary's <c>JOURNEY_ORIGIN</c> gives the service's address), and
/// its requests in order, the start first, each with the status it must answer.
/// </summary>
public static class JourneyDocument
{
    public static string For(SyntheticJourneySettings journey)
    {
        string? origin = null;
        var start = journey.StartPath;
        if (journey.Url is { } url)
        {
            var uri = new Uri(url);
            origin = uri.GetLeftPart(UriPartial.Authority);
            start = uri.PathAndQuery;
        }
        var steps = new JsonArray(Step(start, journey.ExpectStatus));
        foreach (var step in journey.Steps) steps.Add(Step(step.Path, step.ExpectStatus));
        return new JsonObject
        {
            ["name"] = journey.Name,
            ["origin"] = origin,
            ["steps"] = steps,
        }.ToJsonString();
    }

    private static JsonObject Step(string path, int expectStatus) => new() { ["path"] = path, ["expectStatus"] = expectStatus };
}
