using Infra.Runner;
using Infra.Runner.Adapters;
using Infra.Runner.Commands;
using Infra.Runner.Rollout;
using Microsoft.Extensions.Time.Testing;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Cli;

/// <summary><c>status</c> shows the current step's numbers: the rollout's latest canary analysis, from the ledger's journal.</summary>
public sealed class StatusAnalysisTests
{
    private static readonly DateTimeOffset Start = RolloutHarness.Start;

    private static RolloutRecord Record(string id) => new(id, Start, RolloutHarness.Plan("web=web:2"),
        [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 1, Start, PromotionRequest.None);

    private static RolloutEvent Analysed(string rolloutId, DateTimeOffset at, string message) =>
        new(at, rolloutId, RolloutEventKind.CanaryAnalysed, message, new Dictionary<string, string>());

    [Fact]
    public async Task Status_prints_the_rollout_s_latest_analysis_not_an_older_one_or_another_rollout_s()
    {
        var stack = await LocalLedger.NewStackAsync("status");
        var journal = new LedgerJournal(LocalLedger.Ledger(stack, new FakeTimeProvider(Start.AddDays(-1))));
        await journal.AppendAsync(Analysed("r0", Start.AddDays(-1), "an earlier rollout's analysis"), CancellationToken.None);
        var now = new FakeTimeProvider(Start);
        journal = new LedgerJournal(LocalLedger.Ledger(stack, now));
        await journal.AppendAsync(Analysed("r1", Start.AddMinutes(1), "step 2 (50%): web green vs blue: pass (1000 requests)"), CancellationToken.None);
        now.Advance(TimeSpan.FromMinutes(1));
        await journal.AppendAsync(Analysed("r1", Start.AddMinutes(2), "step 2 (50%): web green vs blue: inconclusive (10 requests < minimum 50)"), CancellationToken.None);
        now.Advance(TimeSpan.FromMinutes(1));
        await journal.AppendAsync(new RolloutEvent(Start.AddMinutes(3), "r1", RolloutEventKind.StepBaked, "Baked step 2 (50%)", new Dictionary<string, string>()),
            CancellationToken.None);
        var output = new StringWriter();
        using (var logger = RunnerLog.Create(output, json: false))
        {
            await StatusCommand.PrintLastAnalysisAsync(journal, Record("r1"), logger, CancellationToken.None);
        }

        Assert.EndsWith(
            "INF Last canary analysis (2026-03-01 12:02:00Z): step 2 (50%): web green vs blue: inconclusive (10 requests < minimum 50)" + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public async Task Status_says_when_the_rollout_has_no_analysis_yet_though_an_earlier_rollout_had_one()
    {
        var stack = await LocalLedger.NewStackAsync("status");
        var journal = new LedgerJournal(LocalLedger.Ledger(stack, new FakeTimeProvider(Start.AddDays(-1))));
        await journal.AppendAsync(Analysed("r0", Start.AddDays(-1), "an earlier rollout's analysis"), CancellationToken.None);
        var output = new StringWriter();
        using (var logger = RunnerLog.Create(output, json: false))
        {
            await StatusCommand.PrintLastAnalysisAsync(journal, Record("r1"), logger, CancellationToken.None);
        }

        Assert.EndsWith("INF No canary analysis yet for rollout r1" + Environment.NewLine, output.ToString());
    }
}
