using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// The properties that force replacement on the stateful and traffic-carrying resources we declare. The source of
/// truth is the Terraform AWS provider that Pulumi.Aws bridges: an argument marked <c>ForceNew</c> in its schema (or
/// forced new by its CustomizeDiff) makes Pulumi plan a replacement.
/// </summary>
public static class ReplacementRules
{
    private const string RdsInstance = StatefulResources.RdsInstance;
    private const string KmsKey = "aws:kms/key:Key";
    private const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    private const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";

    public static IReadOnlyList<ReplacementRule> All { get; } =
    [
        new(RdsInstance, "engine", "the database engine of an existing instance cannot be changed"),
        new(RdsInstance, "dbName", "the initial database is created only when the instance is created"),
        new(RdsInstance, "username", "the master username is set only when the instance is created"),
        new(RdsInstance, "storageEncrypted", "encryption at rest is chosen at creation and cannot be switched in place"),
        new(RdsInstance, "kmsKeyId", "the encryption key of an instance is fixed at creation"),
        new(RdsInstance, "availabilityZone", "the provider does not move an instance to another availability zone"),
        new(RdsInstance, "characterSetName", "the character set (collation) is fixed at creation"),
        new(RdsInstance, "ncharCharacterSetName", "the national character set is fixed at creation"),
        new(RdsInstance, "timezone", "the time zone is set only at creation"),
        new(RdsInstance, "snapshotIdentifier", "restoring from a snapshot creates a new instance"),
        new(RdsInstance, "restoreToPointInTime", "a point-in-time restore creates a new instance"),
        new(RdsInstance, "customIamInstanceProfile", "the RDS Custom instance profile is fixed at creation"),
        new(KmsKey, "customerMasterKeySpec", "the key spec (symmetric or asymmetric key material) is fixed at creation"),
        new(KmsKey, "keyUsage", "the key usage (encrypt/decrypt, sign/verify, MAC) is fixed at creation"),
        new(KmsKey, "multiRegion", "a key cannot be converted to or from a multi-Region key"),
        new(KmsKey, "customKeyStoreId", "the key store holding the key material is fixed at creation"),
        new(KmsKey, "xksKeyId", "the external key backing the key is fixed at creation"),
        new(TargetGroup, "name", "target group names cannot be changed"),
        new(TargetGroup, "namePrefix", "the name is generated from the prefix only at creation"),
        new(TargetGroup, "port", "a target group's port cannot be modified"),
        new(TargetGroup, "protocol", "a target group's protocol cannot be modified"),
        new(TargetGroup, "protocolVersion", "the protocol version (HTTP1, HTTP2, GRPC) is fixed at creation"),
        new(TargetGroup, "targetType", "the target type (instance, ip, lambda, alb) is fixed at creation"),
        new(TargetGroup, "vpcId", "a target group belongs to one VPC for its lifetime"),
        new(TargetGroup, "ipAddressType", "the IP address type of the targets is fixed at creation"),
        new(LoadBalancer, "name", "load balancer names cannot be changed; the new one gets a new DNS name"),
        new(LoadBalancer, "namePrefix", "the name is generated from the prefix only at creation"),
        new(LoadBalancer, "internal", "the scheme (internal or internet-facing) is fixed at creation; the new one gets a new DNS name"),
        new(LoadBalancer, "loadBalancerType", "the type (application, network, gateway) is fixed at creation"),
        new(LoadBalancer, "customerOwnedIpv4Pool", "the customer-owned address pool is fixed at creation"),
        new(
            LoadBalancer,
            "subnets",
            "a network load balancer's subnets can only be added to; removing or swapping one recreates it",
            (before, after) => IsNetwork(after) && Count(after, "subnets") <= Count(before, "subnets")),
        new(
            LoadBalancer,
            "subnetMappings",
            "a network load balancer's subnet mappings can only be added to; removing or changing one recreates it",
            (before, after) => IsNetwork(after) && !IsPureAddition(before, after, "subnetMappings")),
        new(
            LoadBalancer,
            "securityGroups",
            "a network load balancer cannot gain its first security group or lose its last one in place",
            (before, after) => IsNetwork(after) && (Count(before, "securityGroups") == 0) != (Count(after, "securityGroups") == 0)),
    ];

    /// <summary>The rules that a change of <paramref name="property"/> between the two resources triggers.</summary>
    public static IEnumerable<ReplacementRule> Matching(PlanResource before, PlanResource after, string property) =>
        All.Where(r => r.Type == after.Type && r.Property == property && r.Applies(before, after));

    // The provider's default load balancer type is "application".
    private static bool IsNetwork(PlanResource lb) =>
        lb.Inputs.TryGetPropertyValue("loadBalancerType", out var type)
        && type is JsonValue value && value.TryGetValue<string>(out var text) && text == "network";

    private static int Count(PlanResource resource, string property) =>
        resource.Inputs.TryGetPropertyValue(property, out var node) && node is JsonArray array ? array.Count : 0;

    private static bool IsPureAddition(PlanResource before, PlanResource after, string property)
    {
        var old = Items(before, property);
        var now = Items(after, property);
        return now.Count > old.Count && old.All(now.Contains);
    }

    private static List<string> Items(PlanResource resource, string property) =>
        resource.Inputs.TryGetPropertyValue(property, out var node) && node is JsonArray array
            ? array.Select(JsonText.Render).ToList()
            : [];
}
