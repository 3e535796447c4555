namespace Infra.Stacks.Tests;

/// <summary>The smallest valid stack file: what loading tests append their case to.</summary>
internal static class MinimalStack
{
    public const string Staging = """
        config:
          aws:region: eu-west-1
          infra:environment: staging
          infra:services:
            web:
              image:
                blue: repo/web:1
        """;
}
