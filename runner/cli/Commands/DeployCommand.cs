using System.CommandLine;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Rollout;

namespace Infra.Runner.Commands;

/// <summary>
/// <c>deploy --stack S --service web[=IMAGE] ...</c>: releases to the idle color, smoke-tests through the smoke route (preview header or test listener),
/// then shifts traffic step by step gated by alarms; any gate alarm rolls every service back.
/// </summary>
public static class DeployCommand
{
    public static Command Create(TextWriter output)
    {
        var shared = new RunnerOptions();
        var services = new Option<string[]>("--service")
        {
            Description = "A service to release: web=IMAGE, or web to redeploy its idle color's image. Repeat for several services.",
        };
        var steps = new Option<string?>("--steps") { Description = "Percentages on the new color, e.g. 10,50,100; pause or pause:30m between two waits for promote. Default: the stack's infra:rollout.steps." };
        var bake = new Option<string?>("--bake") { Description = "Bake per step, e.g. 5m. Default: the stack's infra:rollout.bakeMinutes." };
        var interval = new Option<string?>("--interval") { Description = "Alarm poll interval, e.g. 10s. Default: the stack's infra:rollout.pollIntervalSeconds." };
        var smoke = new Option<string?>("--smoke") { Description = "Smoke-check path on the smoke route. Default: each service's health-check path." };
        var smokeSuccesses = new Option<int?>("--smoke-successes") { Description = "2xx answers in a row the smoke check needs. Default 3." };
        var smokeTimeout = new Option<string?>("--smoke-timeout") { Description = "Time the smoke check may take. Default 2m." };
        var terminationWait = new Option<string?>("--termination-wait") { Description = "How long the old color stays up after success. Default: the stack's infra:rollout.terminationWaitMinutes." };
        var insufficientData = new Option<string?>("--insufficient-data") { Description = "INSUFFICIENT_DATA on a gate alarm: ok or fail. Default: the stack's infra:rollout.insufficientData." };
        var allowTag = new Option<bool>(ReleaseImages.AllowTagFlag) { Description = "Let a production stack release an image by tag instead of by digest." };
        var printMaxDuration = new Option<bool>(MaxDurationPrinter.Flag)
        {
            Description = "Print the worst-case rollout duration in whole seconds (terms on stderr) and exit; reads only the stack file, needs no credentials.",
        };
        var duringIncident = new Option<bool>("--during-incident")
        {
            Description = "Deploy although a watched alarm is in ALARM (a hotfix during an incident); journaled and notified.",
        };
        var snapshot = new Option<bool>("--snapshot") { Description = "Snapshot the database before the release although the stack's infra:rollout.hooks.backupBeforeDeploy is false." };
        var noSnapshot = new Option<bool>("--no-snapshot")
        {
            Description = "No database snapshot before this release although the stack asks for one; a production migration needs it to run without one.",
        };
        var noMigration = new Option<string?>("--no-migration")
        {
            Description = "Do not run the stack's migration task in this release; takes the reason, which is journaled and shown by status and history.",
        };
        var noWebhooks = new Option<bool>("--no-webhooks") { Description = "Call none of the stack's webhooks (infra:rollout.hooks.webhooks) in this release." };
        var skipWebhook = new Option<string[]>("--skip-webhook") { Description = "Do not call the stack's webhook of this name in this release. Repeat for several." };
        var pauseTimeoutAction = new Option<string?>("--pause-timeout-action")
        {
            Description = "What a timed pause does at its timeout in this release: rollback or promote. Default: the stack's infra:rollout.pauseTimeoutAction.",
        };
        var skipDrSecretCheck = new Option<bool>(DrSecretCheck.SkipFlag)
        {
            Description = "Deploy without checking that the pilot light's service secrets have their replicas in the DR region (e.g. while its Secrets Manager does not answer).",
        };
        var command = new Command("deploy", "Releases images to the idle color and shifts traffic to it in alarm-gated steps.")
        {
            services, steps, bake, interval, smoke, smokeSuccesses, smokeTimeout, terminationWait, insufficientData,
            duringIncident, allowTag, printMaxDuration, snapshot, noSnapshot, noMigration, noWebhooks, skipWebhook, pauseTimeoutAction,
            skipDrSecretCheck,
        };
        shared.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            // Only what the operator typed; the rest comes from the stack (or RolloutArguments' own defaults).
            RolloutArguments Flags(RolloutArguments defaults) => defaults with
            {
                Services = parse.GetValue(services) ?? [],
                Steps = parse.GetValue(steps) ?? defaults.Steps,
                Bake = parse.GetValue(bake) ?? defaults.Bake,
                Interval = parse.GetValue(interval) ?? defaults.Interval,
                SmokePath = parse.GetValue(smoke) ?? defaults.SmokePath,
                SmokeSuccesses = parse.GetValue(smokeSuccesses) ?? defaults.SmokeSuccesses,
                SmokeTimeout = parse.GetValue(smokeTimeout) ?? defaults.SmokeTimeout,
                TerminationWait = parse.GetValue(terminationWait) ?? defaults.TerminationWait,
                InsufficientData = parse.GetValue(insufficientData) ?? defaults.InsufficientData,
                DuringIncident = parse.GetValue(duringIncident),
                SnapshotFlag = parse.GetValue(snapshot),
                NoSnapshot = parse.GetValue(noSnapshot),
                NoMigrationReason = parse.GetValue(noMigration),
                NoWebhooks = parse.GetValue(noWebhooks),
                SkipWebhooks = parse.GetValue(skipWebhook) ?? [],
                PauseTimeoutActionFlag = parse.GetValue(pauseTimeoutAction),
            };
            if (parse.GetValue(printMaxDuration))
            {
                return MaxDurationPrinter.RunAsync(shared.Read(parse), Flags, output, parse.InvocationConfiguration.Error);
            }

            return RunAsync(shared.Read(parse), Flags, parse.GetValue(allowTag), parse.GetValue(skipDrSecretCheck), output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        RunnerSettings settings, Func<RolloutArguments, RolloutArguments> flags, bool allowTag, bool skipDrSecretCheck, TextWriter output,
        CancellationToken cancellationToken)
    {
        // Bad flags are reported before the stack is opened.
        try
        {
            RolloutPlanParser.Parse(flags(new RolloutArguments()));
        }
        catch (RolloutInputException error)
        {
            await output.WriteLineAsync($"deploy: {error.Message}");
            return ExitCodes.BadInput;
        }

        return await CommandRunner.RunAsync(settings, output, async (session, logger, token) =>
        {
            // Everything here is refused before anything changes: exit 2 with the reason.
            var stackSettings = await session.Stack.ReadSettingsAsync(token);
            var plan = RolloutPlanParser.Parse(flags(StackRolloutDefaults.From(stackSettings)));
            ReleaseImages.Require(stackSettings, plan.Services, allowTag);
            if (skipDrSecretCheck)
                logger.Warning("{Flag:l}: the services' secrets are not checked for replicas in the DR region", DrSecretCheck.SkipFlag);
            else
                await DrSecretCheck.RequireAsync(stackSettings, new SecretsManagerDrSecrets(SecretsManagerDrSecrets.ClientFor, DrAdapters.CallLimit), token);
            await CredentialGuard.RequireAsync(plan, RolloutDuration.Total(plan), "deploy", logger, token);

            return await session.Engine.DeployAsync(plan, token);
        }, cancellationToken);
    }
}
