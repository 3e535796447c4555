using System.Collections.Immutable;
using Infra.Components.Data;
using Pulumi;

namespace Infra;

/// <summary>
/// The <c>database</c> stack output: <c>primary</c> and <c>replica</c> (null without one), each with <c>endpoint</c>,
/// <c>arn</c>, <c>identifier</c> and <c>region</c>, and <c>secretArn</c>, the Secrets Manager entry with the
/// credentials. No password is ever part of it.
/// </summary>
public static class DatabaseOutputEntry
{
    public static Output<ImmutableDictionary<string, object?>> For(Database database) =>
        Output.Tuple(
                Output.Tuple(database.PrimaryEndpoint, database.PrimaryArn, database.PrimaryIdentifier, database.PrimaryRegion),
                Output.Tuple(database.ReplicaEndpoint, database.ReplicaArn, database.ReplicaIdentifier, database.ReplicaRegion),
                database.SecretArn)
            .Apply(values =>
            {
                var (primary, replica, secretArn) = values;
                return ImmutableDictionary<string, object?>.Empty
                    .Add("primary", Instance(primary.Item1, primary.Item2, primary.Item3, primary.Item4))
                    .Add("replica", replica.Item1 is null ? null : Instance(replica.Item1, replica.Item2!, replica.Item3!, replica.Item4!))
                    .Add("secretArn", secretArn);
            });

    private static ImmutableDictionary<string, object> Instance(string endpoint, string arn, string identifier, string region) =>
        ImmutableDictionary<string, object>.Empty
            .Add("endpoint", endpoint)
            .Add("arn", arn)
            .Add("identifier", identifier)
            .Add("region", region);
}
