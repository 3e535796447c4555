using Fidelity.Tests.Fixtures.Clashing.Settings;
using Pulumi.Automation;
using Pulumi.Aws.Sns;

namespace Fidelity.Tests.Fixtures.Clashing.Runner;

// Compiles offline, where Pulumi.Automation has no StackSettings and Pulumi.Aws.Sns no PlatformApplication; with the
// real packages both properties are CS0104. Names the file never mentions (Settings has no other) are no clash.
internal static class ImportsBoth
{
    public static StackSettings? Settings => null;

    public static PlatformApplication? Application => null;
}
