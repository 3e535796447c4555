namespace Infra.Stacks.Settings;

/// <summary><c>infra:images</c>: where the stack's container images may come from.</summary>
/// <param name="AllowedRegistries">
/// Registry hosts (<c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c>), each optionally narrowed to a repository
/// prefix (<c>ghcr.io/acme</c>). Null when not set: required in production; staging then accepts any registry.
/// </param>
public sealed record ImageSettings(ValueList<string>? AllowedRegistries);
