namespace Infra.Stacks.Validation;

/// <summary>
/// The AWS regions a stack may name: the <c>Region</c> enum of the pinned provider, <c>@pulumi/aws</c> 7.48.0
/// (<c>types/enums/index.d.ts</c>), which lists every partition's regions (aws, aws-cn, aws-us-gov, the ISO partitions
/// and the European Sovereign Cloud). A list and not the partitions' patterns: the pattern
/// <c>^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$</c> accepts <c>eu-west-9</c>, which does not exist and would fail only
/// at deploy time. A region AWS opens later is added here when the provider pin moves (a test compares the two).
/// </summary>
public static class AwsRegions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1",
        "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
        "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2", "cn-north-1", "cn-northwest-1",
        "eusc-de-east-1", "us-gov-east-1", "us-gov-west-1", "us-iso-east-1", "us-iso-west-1", "us-isob-east-1",
        "us-isob-west-1", "eu-isoe-west-1", "us-isof-east-1", "us-isof-south-1",
    ];

    public static bool IsKnown(string region) => All.Contains(region);
}
