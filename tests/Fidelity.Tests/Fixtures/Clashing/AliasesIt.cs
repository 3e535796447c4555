using Fidelity.Tests.Fixtures.Clashing.Settings;
using Pulumi.Automation;
using Pulumi.Aws.Sns;
using StackSettings = Fidelity.Tests.Fixtures.Clashing.Settings.StackSettings;
using PlatformApplication = Fidelity.Tests.Fixtures.Clashing.Settings.PlatformApplication;

namespace Fidelity.Tests.Fixtures.Clashing.Aliased;

// The same imports, with both names aliased: unambiguous with the real packages too.
internal static class AliasesIt
{
    public static StackSettings? Settings => null;

    public static PlatformApplication? Application => null;
}
