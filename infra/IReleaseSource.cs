using Infra.Stacks.Release;
using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// Where the program gets the release it declares (images, weights, live color, running flags per service): the
/// stack's release ledger for <c>pulumi up</c>, so a plain update never undoes what the runner released; nothing for
/// the offline plan, which declares the stack file's values.
/// </summary>
public interface IReleaseSource
{
    /// <summary>The desired release, or null when the stack file's values stand (they seed the first release).</summary>
    ReleaseState? ReadDesired(StackSettings settings);

    /// <summary>Names the source in messages, e.g. <c>release ledger infra-staging-releases (eu-west-1)</c>.</summary>
    string Describe(StackSettings settings);
}
