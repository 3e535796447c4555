namespace Infra.Stacks.Settings;

/// <summary><c>infra:rollout.hooks</c>: what the runner does around a release besides shifting traffic.</summary>
/// <param name="BackupBeforeDeploy">A manual snapshot of the primary database before anything changes; a failed or
/// late snapshot stops the release. Default production true, staging false.</param>
/// <param name="KeepReleaseSnapshots">Release snapshots kept after a successful release (the newest; never the one
/// just taken is deleted). 1 to 100 (RDS's default quota of manual snapshots per region), default 10.</param>
/// <param name="Migration">One ECS task run from the new color's task definition after it is ready and before any
/// traffic moves; null: none.</param>
/// <param name="Webhooks"><c>webhooks</c> and <c>webhookKey</c>: HTTPS calls at the release's stages. Default none.</param>
public sealed record ReleaseHookSettings(bool BackupBeforeDeploy, int KeepReleaseSnapshots, MigrationHookSettings? Migration, WebhookHooks Webhooks);
