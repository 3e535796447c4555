namespace Infra.Runner.Rollout;

/// <summary>How an analysed wait ended: the wait's own verdict, the last analysis, and whether that analysis failed the step.</summary>
internal sealed record CanaryWaitResult(WaitVerdict Wait, IReadOnlyList<CanaryVerdict> Last, bool AnalysisFailed)
{
    public bool Inconclusive => Last.Any(v => v.Outcome == CanaryOutcome.Inconclusive);

    public string DescribeFailures() => string.Join("; ", Last.Where(v => v.Outcome == CanaryOutcome.Fail).Select(v => v.Describe()));

    public string DescribeInconclusive() => string.Join("; ", Last.Where(v => v.Outcome == CanaryOutcome.Inconclusive).Select(v => v.Describe()));
}

/// <summary>
/// A watched wait (alarms and control requests every poll interval, see <see cref="WaitWatcher"/>) that also runs the
/// canary analysis once per <see cref="AnalysisInterval"/> over the window from the step's start, and at the wait's
/// end. Only a failed analysis ends the wait early: a pass or inconclusive reading mid-wait is journaled and the
/// wait goes on, so a short window's noise cannot pass a step and a bad canary is stopped within a minute or so.
/// </summary>
internal sealed class CanaryWatch(RolloutPorts ports, RolloutReporter reporter, StackOutputs outputs)
{
    /// <summary>CloudWatch's ALB metrics have one-minute resolution, so analysing more often reads the same data.</summary>
    public static readonly TimeSpan AnalysisInterval = TimeSpan.FromMinutes(1);

    /// <param name="from">Start of the analysed window: when the step's weights were applied (or the termination wait began).</param>
    /// <param name="untilConclusive">End the wait as soon as no service is inconclusive (the bake's extension).</param>
    public async Task<CanaryWaitResult> WatchAsync(
        RolloutRecord record, DateTimeOffset from, DateTimeOffset until, IReadOnlyList<string> alarms, bool untilConclusive, CancellationToken cancellationToken)
    {
        IReadOnlyList<CanaryVerdict> last = [];
        while (true)
        {
            var now = ports.Time.GetUtcNow();
            var sliceEnd = until - now > AnalysisInterval ? now + AnalysisInterval : until;
            // A pause has no deadline: its progress lines count down each slice instead.
            var wait = await new WaitWatcher(ports, reporter).WatchAsync(
                record, sliceEnd, alarms, cancellationToken, until == DateTimeOffset.MaxValue ? sliceEnd : until);
            if (wait.End != WaitEnd.Elapsed)
            {
                return new CanaryWaitResult(wait, last, AnalysisFailed: false);
            }

            try
            {
                last = await AnalyseAsync(record, from, cancellationToken);
            }
            catch (Exception error) when (IsReadFailure(error, cancellationToken) && ports.Time.GetUtcNow() < until)
            {
                // One throttled or failed read must not roll a release back; the wait's last reading still has to succeed.
                await reporter.TryAppendAsync(record.Id, RolloutEventKind.CanaryAnalysed,
                    $"Canary analysis at {Where(record)} could not read CloudWatch ({error.Message}); it reads again in {AnalysisInterval:g}, and the wait's last reading must succeed",
                    null, cancellationToken);
                continue;
            }

            var result = new CanaryWaitResult(wait, last, last.Any(v => v.Outcome == CanaryOutcome.Fail));
            if (result.AnalysisFailed || ports.Time.GetUtcNow() >= until || (untilConclusive && !result.Inconclusive))
            {
                return result;
            }
        }
    }

    private static bool IsReadFailure(Exception error, CancellationToken cancellationToken) =>
        error is not (RolloutInputException or RolloutLeaseException) && !(error is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Bakes a step: the plan's bake, then while any service is inconclusive up to <see cref="CanarySettings.MaxInconclusive"/>
    /// more (journaled). Still inconclusive, the result says so; under <see cref="InconclusivePolicy.Pause"/>
    /// (<see cref="PausesInconclusive"/>) the rollout then waits in <see cref="WaitInconclusivePauseAsync"/>.
    /// </summary>
    public async Task<CanaryWaitResult> BakeStepAsync(RolloutRecord record, IReadOnlyList<string> alarms, CancellationToken cancellationToken)
    {
        var from = record.PhaseStartedAt;
        var bakeEnd = from + record.Plan.Bake;
        var canary = record.Plan.Canary;
        var result = await WatchAsync(record, from, bakeEnd, alarms, untilConclusive: false, cancellationToken);
        if (!StillInconclusive(result))
        {
            return result;
        }

        await reporter.AppendAsync(record.Id, RolloutEventKind.StepInconclusive,
            $"Canary analysis inconclusive at {Where(record)} after its {record.Plan.Bake:g} bake ({result.DescribeInconclusive()}); bake extended by up to {canary.MaxInconclusive:g}",
            cancellationToken);
        return await WatchAsync(record, from, bakeEnd + canary.MaxInconclusive, alarms, untilConclusive: true, cancellationToken);
    }

    /// <summary>True when the baked step is still inconclusive and the plan says to pause rather than fail.</summary>
    public static bool PausesInconclusive(RolloutRecord record, CanaryWaitResult baked) =>
        StillInconclusive(baked) && record.Plan.Canary.OnInconclusive == InconclusivePolicy.Pause;

    public async Task AnnounceInconclusivePauseAsync(RolloutRecord record, CanaryWaitResult baked, CancellationToken cancellationToken)
    {
        var stack = ports.Stack.StackName;
        var message = $"Rollout {record.Id} paused at {Where(record)}: the canary analysis is still inconclusive after {record.Plan.Bake + record.Plan.Canary.MaxInconclusive:g} " +
            $"({baked.DescribeInconclusive()}); gates stay watched. Continue with: infra-runner promote --stack {stack}; roll back with: infra-runner abort --stack {stack}";
        await reporter.AppendAsync(record.Id, RolloutEventKind.Paused, message, cancellationToken);
        await reporter.NotifyAsync(record.Id, NotificationSeverity.Critical, message, cancellationToken);
    }

    /// <summary>
    /// The inconclusive pause: gates and analysis over the window from the step's start (the recorded phase start, so a
    /// resumed runner's analysis counts the time already waited) until promote, abort, a gate or a failed analysis.
    /// </summary>
    public Task<CanaryWaitResult> WaitInconclusivePauseAsync(RolloutRecord record, IReadOnlyList<string> alarms, CancellationToken cancellationToken) =>
        WatchAsync(record, record.PhaseStartedAt, DateTimeOffset.MaxValue, alarms, untilConclusive: false, cancellationToken);

    private static bool StillInconclusive(CanaryWaitResult result) => result.Wait.End == WaitEnd.Elapsed && !result.AnalysisFailed && result.Inconclusive;

    /// <summary>Reads every service's two target groups and the load balancer in one query, judges each service and journals the numbers.</summary>
    public async Task<IReadOnlyList<CanaryVerdict>> AnalyseAsync(RolloutRecord record, DateTimeOffset from, CancellationToken cancellationToken)
    {
        outputs.RequireMetricNames(record.Services);
        var groups = record.Services.ToDictionary(s => s.Name, s => (New: TargetGroup(s.Name, s.ToColor), Live: TargetGroup(s.Name, s.FromColor)));
        var loadBalancer = outputs.LoadBalancerArnSuffix!;
        var metrics = await ports.Metrics.ReadAsync(
            new MetricsQuery(loadBalancer, groups.Values.SelectMany(g => new[] { g.New, g.Live }).Distinct().ToList(), from, ports.Time.GetUtcNow()),
            cancellationToken);
        var verdicts = record.Services
            .Select(s => CanaryAnalysis.Judge(s.Name, s.ToColor,
                metrics.TargetGroups.GetValueOrDefault(groups[s.Name].New, TargetGroupMetrics.None),
                metrics.TargetGroups.GetValueOrDefault(groups[s.Name].Live, TargetGroupMetrics.None),
                metrics.Elb5xx, record.Plan.Canary))
            .ToList();
        var data = verdicts.SelectMany(v => v.ToData())
            .Append(new("phase", record.Phase.ToString()))
            .Append(new("step", (record.StepIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("windowStart", from.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary();
        await reporter.AppendAsync(record.Id, RolloutEventKind.CanaryAnalysed,
            $"Canary analysis at {Where(record)} over {ports.Time.GetUtcNow() - from:g}: {string.Join("; ", verdicts.Select(v => v.Describe()))}", data, cancellationToken);
        return verdicts;
    }

    /// <summary>"step 2 (50%)" or "the termination wait", for messages.</summary>
    public static string Where(RolloutRecord record) =>
        record.Phase == RolloutPhase.TerminationWait ? "the termination wait" : $"step {record.StepIndex + 1} ({record.CurrentPercent}%)";

    private string TargetGroup(string service, DeployColor color) => outputs.TargetGroup(service, color).TargetGroupArnSuffix;
}
