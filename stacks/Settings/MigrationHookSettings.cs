namespace Infra.Stacks.Settings;

/// <summary><c>infra:rollout.hooks.migration</c>: a one-off task of a service's new color, e.g. schema migrations.</summary>
/// <param name="Service">The service whose new color's task definition runs it; its container gets the command.</param>
/// <param name="Command">The container's command override, as ECS takes it (one list item per argument).</param>
/// <param name="TimeoutMinutes">How long the task may take to stop; then the release stops. 1 to 120, default 30.</param>
public sealed record MigrationHookSettings(string Service, ValueList<string> Command, int TimeoutMinutes);
