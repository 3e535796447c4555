namespace Pulumi.Aws.CloudWatch
{
    /// <summary>A CloudWatch dashboard whose widgets are a JSON document.</summary>
    [AwsResourceType("aws:cloudwatch/dashboard:Dashboard")]
    public partial class Dashboard : global::Pulumi.CustomResource
    {
        [Output("dashboardArn")]
        public Output<string> DashboardArn { get; private set; } = null!;

        [Output("dashboardName")]
        public Output<string> DashboardName { get; private set; } = null!;

        public Dashboard(string name, DashboardArgs args, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/dashboard:Dashboard", name, args ?? new DashboardArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class DashboardArgs : global::Pulumi.ResourceArgs
    {
        [Input("dashboardBody", required: true)]
        public Input<string> DashboardBody { get; set; } = null!;

        [Input("dashboardName", required: true)]
        public Input<string> DashboardName { get; set; } = null!;
    }
}
