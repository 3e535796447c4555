// Types of "ours" whose names the real packages also declare: Pulumi.Automation.StackSettings and Pulumi.Aws.Sns.PlatformApplication.
// The name-clash checker's self-tests read these files as source. Never constructed.
namespace Fidelity.Tests.Fixtures.Clashing.Settings
{
    public sealed class StackSettings;

    public sealed class PlatformApplication;
}
