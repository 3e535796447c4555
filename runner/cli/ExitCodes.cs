namespace Infra.Runner;

/// <summary>The runner's exit codes, as documented in its --help and the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
