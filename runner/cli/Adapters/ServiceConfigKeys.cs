using Infra.Runner.Rollout;
using Infra.Stacks.Loading;

namespace Infra.Runner.Adapters;

/// <summary>
/// The stack config paths the runner writes, in Pulumi's <c>--path</c> syntax under <c>infra:services</c>
/// (the same keys the stack files and <c>stacks/</c> settings read).
/// </summary>
public static class ServiceConfigKeys
{
    public static string Image(string service, DeployColor color) => $"{ConfigKeys.Services}.{service}.image.{color.ConfigName()}";

    public static string Running(string service, DeployColor color) => $"{ConfigKeys.Services}.{service}.running.{color.ConfigName()}";

    public static string Weight(string service, DeployColor color) => $"{ConfigKeys.Services}.{service}.weights.{color.ConfigName()}";

    public static string LiveColor(string service) => $"{ConfigKeys.Services}.{service}.liveColor";
}
