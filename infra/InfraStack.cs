using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// The stack: turns validated settings into component resources per region and publishes what operators and
/// the runner need.
/// </summary>
public sealed class InfraStack : Stack
{
    [Output("environment")]
    public Output<string> Environment { get; private set; }

    [Output("region")]
    public Output<string> Region { get; private set; }

    [Output("drRegion")]
    public Output<string?> DrRegion { get; private set; }

    public InfraStack(StackSettings settings, StackOptions? options = null) : base(options)
    {
        Environment = Output.Create(settings.Environment.ToConfigName());
        Region = Output.Create(settings.Region);
        DrRegion = Output.Create(settings.DrRegion);
    }
}
