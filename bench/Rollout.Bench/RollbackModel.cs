namespace Rollout.Bench;

/// <summary>
/// Modeled latencies of what the simulation cannot measure: AWS's own delays and a real targeted update. Each is a
/// uniform draw between the bounds printed with the figures; they are models, chosen from typical published and
/// observed values, not measurements. The clock of every path starts at the alarm's state change (to ALARM).
/// </summary>
internal sealed class RollbackModel(Random random)
{
    /// <summary>Metric breach to state change (a 60 s period evaluated at its end): before the clock starts, the same for every path.</summary>
    public static readonly (double Min, double Max) AlarmEvaluation = (60, 120);

    /// <summary>One AWS API call from the runner or the Lambda (DescribeAlarms, GetItem, UpdateItem, ModifyListener/ModifyRule).</summary>
    public static readonly (double Min, double Max) ApiCall = (0.05, 0.3);

    /// <summary>
    /// One request of the runner to its release ledger in DynamoDB (a journal line, the rollout record, a release change's
    /// read or write): single-digit milliseconds from inside the region, up to ~100 ms from a CI runner elsewhere.
    /// </summary>
    public static readonly (double Min, double Max) LedgerRequest = (0.005, 0.1);

    /// <summary>EventBridge delivering the "CloudWatch Alarm State Change" event to the guard's rule target.</summary>
    public static readonly (double Min, double Max) EventBridgeDelivery = (0.1, 1.0);

    /// <summary>The guard Lambda (Node.js 22, no bundled dependencies) starting cold, and the share of cold invocations.</summary>
    public static readonly (double Min, double Max) LambdaCold = (0.2, 0.8);

    public static readonly (double Min, double Max) LambdaWarm = (0.005, 0.05);

    public const double ColdShare = 0.25;

    /// <summary>A targeted <c>pulumi up</c> of the listener rules: program run, provider start, refresh and diff, then the change.</summary>
    public static readonly (double Min, double Max) TargetedUpdate = (25, 90);

    /// <summary>
    /// The runner's path to traffic back after its read saw the alarm: that DescribeAlarms, the ledger requests before
    /// the rollback (journal, rollout record, live colors), then the update.
    /// </summary>
    public double UpdatePath(double noticeWait, int ledgerCalls) => noticeWait + Draw(ApiCall) + Requests(ledgerCalls) + Draw(TargetedUpdate);

    /// <summary>The runner's fast path: that DescribeAlarms, the same ledger requests, then one ModifyListener/ModifyRule per service, in turn.</summary>
    public double FastPath(double noticeWait, int ledgerCalls, int services) => noticeWait + Draw(ApiCall) + Requests(ledgerCalls) + Calls(services);

    /// <summary>The guard with no runner: the event, the Lambda, reading the lease, claiming it, then one call per service.</summary>
    public double Guard(int services) =>
        Draw(EventBridgeDelivery) + Draw(random.NextDouble() < ColdShare ? LambdaCold : LambdaWarm) + Draw(ApiCall) + Draw(ApiCall) + Calls(services);

    public static string Describe() =>
        $"models (uniform, seconds; not measured): alarm evaluation {Range(AlarmEvaluation)} before the state change (not counted), " +
        $"API call {Range(ApiCall)}, runner's ledger request {Range(LedgerRequest)}, EventBridge delivery {Range(EventBridgeDelivery)}, Lambda cold {Range(LambdaCold)} ({ColdShare:P0} of invocations) / " +
        $"warm {Range(LambdaWarm)}, targeted update {Range(TargetedUpdate)}; the runner's wait for its next alarm read is simulated " +
        "and its ledger requests before the last switch counted, not modeled";

    private double Calls(int count) => Enumerable.Range(0, count).Sum(_ => Draw(ApiCall));

    private double Requests(int count) => Enumerable.Range(0, count).Sum(_ => Draw(LedgerRequest));

    private double Draw((double Min, double Max) range) => range.Min + random.NextDouble() * (range.Max - range.Min);

    private static string Range((double Min, double Max) range) => $"{range.Min:0.###}-{range.Max:0.###}";
}
