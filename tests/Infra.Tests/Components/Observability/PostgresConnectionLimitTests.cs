using Infra.Components.Observability.Catalog;

namespace Infra.Tests.Components.Observability;

public class PostgresConnectionLimitTests
{
    [Theory]
    [InlineData("db.t4g.micro", 112)]
    [InlineData("db.t4g.medium", 450)]
    [InlineData("db.m6g.large", 901)]
    [InlineData("db.r6g.large", 1802)]
    [InlineData("db.r6g.xlarge", 3604)]
    [InlineData("db.r6g.4xlarge", 5000)]
    [InlineData("db.m7g.2xlarge", 3604)]
    public void Limit_is_memory_over_9531392_bytes_capped_at_5000(string instanceClass, int expected) =>
        Assert.Equal(expected, PostgresConnectionLimit.For(instanceClass));

    [Theory]
    [InlineData("db.custom.huge")]
    [InlineData("r6g.large")]
    [InlineData("db.q1.large")]
    public void Unknown_classes_have_no_limit(string instanceClass) => Assert.Null(PostgresConnectionLimit.For(instanceClass));
}
