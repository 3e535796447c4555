using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sqs;

namespace Infra.Components.Functions;

/// <summary>
/// Where a function's failed asynchronous invocations go once Lambda's retries are spent: <c>&lt;name&gt;-dead-letters</c>,
/// an SQS queue on SQS's own key (Lambda may send to it without a KMS grant), and <c>&lt;name&gt;-dead-letters-alarm</c>,
/// which notifies a topic as soon as a message waits there, so no failure is lost silently.
/// </summary>
public static class DeadLetterQueue
{
    public static Queue Declare(ComponentResource parent, string name, StackSettings settings, string queueName, int retentionDays) =>
        new($"{name}-dead-letters", new QueueArgs
        {
            Name = queueName,
            MessageRetentionSeconds = retentionDays * 24 * 60 * 60,
            SqsManagedSseEnabled = true,
            Tags = StackConventions.Tags(settings, queueName),
        }, new CustomResourceOptions { Parent = parent });

    /// <summary>The alarm on the queue's depth, notifying <paramref name="topicArn"/> on ALARM and OK.</summary>
    public static void DeclareDepthAlarm(ComponentResource parent, string name, StackSettings settings, string alarmName, string description,
        Queue queue, Input<string> topicArn) =>
        AnyDatapointAlarm.Declare(parent, $"{name}-dead-letters-alarm", settings, alarmName, description,
            new AnyDatapointAlarm.Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "QueueName", queue.Name), topicArn);
}

/// <summary>An alarm that notifies as soon as one minute's statistic of one resource is above zero, and again when it clears.</summary>
public static class AnyDatapointAlarm
{
    /// <summary>One metric of one resource, by its single dimension.</summary>
    public sealed record Metric(string Namespace, string MetricName, string Statistic, string Dimension, Output<string> DimensionValue);

    public static MetricAlarm Declare(ComponentResource parent, string resourceName, StackSettings settings, string alarmName, string description,
        Metric metric, Input<string> topicArn) =>
        new(resourceName, new MetricAlarmArgs
        {
            Name = alarmName,
            AlarmDescription = description,
            Namespace = metric.Namespace,
            MetricName = metric.MetricName,
            Dimensions = { [metric.Dimension] = metric.DimensionValue },
            Statistic = metric.Statistic,
            Period = 60,
            EvaluationPeriods = 1,
            Threshold = 0,
            ComparisonOperator = "GreaterThanThreshold",
            // No datapoint means nothing failed: an idle queue and an idle function publish none.
            TreatMissingData = "notBreaching",
            AlarmActions = { topicArn },
            OkActions = { topicArn },
            Tags = StackConventions.Tags(settings, alarmName),
        }, new CustomResourceOptions { Parent = parent });
}
