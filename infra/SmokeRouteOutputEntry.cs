using System.Collections.Immutable;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// The <c>smokeRoute</c> stack output: how the runner reaches the idle colors for its smoke check. Keys: <c>via</c>
/// (<c>previewHeader</c> or <c>testListener</c>, from <c>infra:loadBalancer.smokeVia</c>) and <c>previewSecretArn</c>,
/// the Secrets Manager secret holding the preview header's value (the value itself is never an output).
/// </summary>
public static class SmokeRouteOutputEntry
{
    public static Output<ImmutableDictionary<string, object>> For(StackSettings settings, PreviewSecret preview) =>
        preview.Arn.Apply(arn => ImmutableDictionary<string, object>.Empty
            .Add("via", settings.LoadBalancer.SmokeVia.ToConfigName())
            .Add("previewSecretArn", arn));
}
