namespace Infra.Stacks.Settings;

/// <summary><c>infra:network</c>: a new VPC, or an adopted one when <see cref="ExistingVpcId"/> is set.</summary>
/// <param name="Cidr">VPC CIDR block. Default 10.0.0.0/16.</param>
/// <param name="AzCount">Availability zones. Default staging 2, production 3.</param>
/// <param name="NatGateways">Default staging single, production perAz.</param>
/// <param name="FlowLogs">VPC flow logs. Default staging false, production true.</param>
/// <param name="ExistingPublicSubnetIds">Adopt mode only; empty otherwise.</param>
/// <param name="ExistingPrivateSubnetIds">Adopt mode only; empty otherwise.</param>
public sealed record NetworkSettings(
    string Cidr,
    int AzCount,
    NatGatewayMode NatGateways,
    bool FlowLogs,
    string? ExistingVpcId,
    ValueList<string> ExistingPublicSubnetIds,
    ValueList<string> ExistingPrivateSubnetIds)
{
    public bool AdoptsExistingVpc => ExistingVpcId is not null;
}
