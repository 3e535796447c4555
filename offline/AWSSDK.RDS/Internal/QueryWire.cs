using System.Globalization;
using System.Xml.Linq;
using Amazon.Offline;
using Amazon.RDS.Model;

namespace Amazon.RDS.Internal;

/// <summary>
/// AWS Query as rds-2014-10-31 defines it: a form-encoded body with <c>Action</c>, <c>Version</c> and the members by
/// their model names; a list as <c>Name.MemberName.1</c>, <c>.2</c>…; booleans <c>true</c>/<c>false</c>; timestamps
/// ISO 8601 UTC. The answer is <c>&lt;Action&gt;Response/&lt;Action&gt;Result</c>. <c>SourceRegion</c> is not a wire
/// member: the real client turns it into a SigV4-presigned <c>PreSignedUrl</c>, which offline cannot sign, so it is
/// left out (a loopback server has no second region to call anyway).
/// </summary>
internal static class QueryWire
{
    public const string Version = "2014-10-31";

    private static readonly AwsQuery Protocol = new(Version, new AwsXml("RDS", (code, message, type, requestId, status) =>
        code switch
        {
            "DBInstanceNotFound" => new DBInstanceNotFoundException(message, null!, type, code, requestId, status),
            "DBSnapshotAlreadyExists" => new DBSnapshotAlreadyExistsException(message, null!, type, code, requestId, status),
            "DBSnapshotNotFound" => new DBSnapshotNotFoundException(message, null!, type, code, requestId, status),
            _ => new AmazonRDSException(message, null!, type, code, requestId, status),
        }));

    public static async Task<XElement> CallAsync(Uri endpoint, string action, IEnumerable<(string Name, string? Value)> parameters, CancellationToken cancellationToken) =>
        (await Protocol.CallAsync(endpoint, action, parameters, cancellationToken)).Result ?? new XElement($"{action}Result");

    public static IEnumerable<(string, string?)> List(string name, string memberName, List<string>? values) =>
        (values ?? []).Select((value, index) => ($"{name}.{memberName}.{index + 1}", (string?)value));

    /// <summary>Tags as <c>Tags.Tag.N.Key</c> and <c>Tags.Tag.N.Value</c>.</summary>
    public static IEnumerable<(string, string?)> Tags(List<Tag>? tags) =>
        (tags ?? []).SelectMany((tag, index) => new[] { ($"Tags.Tag.{index + 1}.Key", tag.Key), ($"Tags.Tag.{index + 1}.Value", tag.Value) });

    public static DBSnapshot? Snapshot(XElement? snapshot) => snapshot is null ? null : new()
    {
        DBSnapshotIdentifier = AwsXml.Child(snapshot, "DBSnapshotIdentifier"),
        DBInstanceIdentifier = AwsXml.Child(snapshot, "DBInstanceIdentifier"),
        Status = AwsXml.Child(snapshot, "Status"),
        PercentProgress = AwsXml.Child(snapshot, "PercentProgress") is { } percent ? int.Parse(percent, CultureInfo.InvariantCulture) : null,
        SnapshotCreateTime = AwsXml.Child(snapshot, "SnapshotCreateTime") is { } created
            ? DateTime.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null,
        Encrypted = AwsXml.Child(snapshot, "Encrypted") is { } encrypted ? encrypted == "true" : null,
        KmsKeyId = AwsXml.Child(snapshot, "KmsKeyId"),
        TagList = AwsXml.Element(snapshot, "TagList")?.Elements()
            .Select(t => new Tag { Key = AwsXml.Child(t, "Key"), Value = AwsXml.Child(t, "Value") }).ToList(),
    };

    public static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    public static string? Time(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static List<DBInstance> Instances(XElement result) =>
        (AwsXml.Element(result, "DBInstances")?.Elements() ?? []).Select(Instance).ToList();

    private static DBInstance Instance(XElement instance) => new()
    {
        DBInstanceIdentifier = AwsXml.Child(instance, "DBInstanceIdentifier"),
        DBInstanceArn = AwsXml.Child(instance, "DBInstanceArn"),
        DbiResourceId = AwsXml.Child(instance, "DbiResourceId"),
        DBInstanceStatus = AwsXml.Child(instance, "DBInstanceStatus"),
        KmsKeyId = AwsXml.Child(instance, "KmsKeyId"),
        ReadReplicaSourceDBInstanceIdentifier = AwsXml.Child(instance, "ReadReplicaSourceDBInstanceIdentifier"),
        Endpoint = AwsXml.Element(instance, "Endpoint") is { } endpoint ? new Endpoint { Address = AwsXml.Child(endpoint, "Address") } : null,
        DBSubnetGroup = AwsXml.Element(instance, "DBSubnetGroup") is { } group
            ? new DBSubnetGroup { DBSubnetGroupName = AwsXml.Child(group, "DBSubnetGroupName") }
            : null,
        VpcSecurityGroups = AwsXml.Element(instance, "VpcSecurityGroups")?.Elements()
            .Select(g => new VpcSecurityGroupMembership { VpcSecurityGroupId = AwsXml.Child(g, "VpcSecurityGroupId") }).ToList(),
        DBParameterGroups = AwsXml.Element(instance, "DBParameterGroups")?.Elements()
            .Select(g => new DBParameterGroupStatus
            {
                DBParameterGroupName = AwsXml.Child(g, "DBParameterGroupName"),
                ParameterApplyStatus = AwsXml.Child(g, "ParameterApplyStatus"),
            }).ToList(),
        DBInstanceAutomatedBackupsReplications = AwsXml.Element(instance, "DBInstanceAutomatedBackupsReplications")?.Elements()
            .Select(r => new DBInstanceAutomatedBackupsReplication { DBInstanceAutomatedBackupsArn = AwsXml.Child(r, "DBInstanceAutomatedBackupsArn") }).ToList(),
    };

    /// <summary>Filters as <c>Filters.Filter.N.Name</c> and <c>Filters.Filter.N.Values.Value.M</c>.</summary>
    public static IEnumerable<(string, string?)> Filters(List<Filter>? filters) =>
        (filters ?? []).SelectMany((filter, index) => new[] { ($"Filters.Filter.{index + 1}.Name", filter.Name) }
            .Concat(List($"Filters.Filter.{index + 1}.Values", "Value", filter.Values)));
}
