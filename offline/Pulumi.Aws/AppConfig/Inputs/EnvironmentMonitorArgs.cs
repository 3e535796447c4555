namespace Pulumi.Aws.AppConfig.Inputs
{
    /// <summary>An alarm that rolls a deployment back, and the role AppConfig reads it with.</summary>
    public sealed class EnvironmentMonitorArgs : global::Pulumi.ResourceArgs
    {
        [Input("alarmArn", required: true)]
        public Input<string> AlarmArn { get; set; } = null!;

        [Input("alarmRoleArn")]
        public Input<string>? AlarmRoleArn { get; set; }
    }
}
