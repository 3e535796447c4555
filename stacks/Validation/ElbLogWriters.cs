namespace Infra.Stacks.Validation;

/// <summary>
/// Who writes a region's load-balancer access logs to S3, from AWS's "Enable access logs for your Application Load
/// Balancer" (Step 2, "Attach a policy to your S3 bucket"): in the regions available before August 2022, Elastic Load
/// Balancing's account of that region (the table below, checked against that page's table and against the
/// terraform-provider-aws <c>aws_elb_service_account</c> map, which cites it; GovCloud and China ids from their partitions'
/// pages); in the regions opened since, the log-delivery service principal
/// <c>logdelivery.elasticloadbalancing.amazonaws.com</c>. Any other region (the ISO partitions, the European Sovereign
/// Cloud) has no documented writer: access logs there are a settings error, not a policy that silently never works.
/// </summary>
public static class ElbLogWriters
{
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    private static readonly Dictionary<string, string> AccountByRegion = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ap-east-1"] = "754344448648",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["ap-northeast-3"] = "383597477331",
        ["ap-northeast-2"] = "600734575887",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-northeast-1"] = "582318560864",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
        ["us-gov-west-1"] = "048591011584",
        ["us-gov-east-1"] = "190560391635",
        ["cn-north-1"] = "638102146993",
        ["cn-northwest-1"] = "037604701340",
    };

    /// <summary>The commercial regions opened in or after August 2022 that <see cref="AwsRegions"/> knows.</summary>
    private static readonly HashSet<string> ServicePrincipalRegions = new(StringComparer.Ordinal)
    {
        "me-central-1", "eu-central-2", "eu-south-2", "ap-south-2", "ap-southeast-4", "il-central-1", "ca-west-1",
        "ap-southeast-5", "ap-southeast-7", "mx-central-1", "ap-east-2", "ap-southeast-6",
    };

    /// <summary>The ELB account of <paramref name="region"/>, or null where the service principal writes (or nobody).</summary>
    public static string? AccountOf(string region) => AccountByRegion.GetValueOrDefault(region);

    /// <summary>Whether AWS documents a log writer for <paramref name="region"/>.</summary>
    public static bool IsSupported(string region) => AccountByRegion.ContainsKey(region) || ServicePrincipalRegions.Contains(region);

    /// <summary>Every region with a documented writer, for messages.</summary>
    public static IEnumerable<string> SupportedRegions => AccountByRegion.Keys.Concat(ServicePrincipalRegions).Order(StringComparer.Ordinal);
}
