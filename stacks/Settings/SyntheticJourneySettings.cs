namespace Infra.Stacks.Settings;

/// <summary>
/// One entry of <c>infra:synthetics</c>: a user journey a CloudWatch Synthetics canary walks on a schedule, from the
/// primary region. It starts at <paramref name="Url"/>, or at <paramref name="Path"/> of <paramref name="Service"/>'s
/// public address (its host, else the load balancer's DNS name), then requests each of <paramref name="Steps"/> in order.
/// </summary>
/// <param name="Name">Unique in the stack; the canary is named <c>&lt;stack&gt;-&lt;name&gt;</c>.</param>
/// <param name="Url">An absolute http(s) URL; only one of <paramref name="Url"/> or <paramref name="Service"/>.</param>
/// <param name="Path">With <paramref name="Service"/>: where the journey starts. Default <c>/</c> (<see cref="StartPath"/>).</param>
/// <param name="Every">How often it runs: <c>&lt;n&gt;m</c> (1 to 60) or <c>1h</c>. Default <c>5m</c>.</param>
/// <param name="ExpectStatus">The HTTP status the first request, and every step without its own, must answer. Default 200.</param>
/// <param name="Gate">
/// Whether its success-percent alarm gates rollouts: of <paramref name="Service"/>, or of every service for a URL journey.
/// Default false.
/// </param>
public sealed record SyntheticJourneySettings(
    string Name,
    string? Url,
    string? Service,
    string? Path,
    string Every,
    int ExpectStatus,
    ValueList<JourneyStep> Steps,
    bool Gate)
{
    public string StartPath => Path ?? "/";

    /// <summary>The schedule in minutes; <see cref="Validation.SyntheticsRules"/> has checked <see cref="Every"/>.</summary>
    public int EveryMinutes => Validation.SyntheticsRules.MinutesOf(Every)
                               ?? throw new InvalidOperationException($"journey {Name}: every {Every} was not validated");
}

/// <summary>A further request of a journey, on the journey's origin.</summary>
/// <param name="Path">Starts with <c>/</c>.</param>
/// <param name="ExpectStatus">Default: the journey's.</param>
public sealed record JourneyStep(string Path, int ExpectStatus);
