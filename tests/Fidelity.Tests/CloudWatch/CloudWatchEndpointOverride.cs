using TestSupport;

namespace Fidelity.Tests.CloudWatch;

/// <summary>The endpoint override is process-wide, as in the real SDK: tests that set it run alone.</summary>
[CollectionDefinition(nameof(CloudWatchEndpointOverride), DisableParallelization = true)]
public sealed class CloudWatchEndpointOverride;

/// <summary>A fake CloudWatch, with AWS_ENDPOINT_URL_CLOUDWATCH pointing at it for the life of the test.</summary>
public abstract class FakeCloudWatchTest : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_CLOUDWATCH";

    protected FakeCloudWatchTest()
    {
        Server = FakeCloudWatchServer.Start();
        Environment.SetEnvironmentVariable(Variable, Server.Endpoint);
    }

    internal FakeCloudWatchServer Server { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        Server.Dispose();
        GC.SuppressFinalize(this);
    }
}
