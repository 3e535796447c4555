namespace Infra.Stacks.Loading;

/// <summary>How a value reads in a message: quoted, and abbreviated when long, so a 5 MB value stays one line.</summary>
public static class Shown
{
    /// <summary>Text longer than this is cut, with its length added.</summary>
    public const int MaxLength = 100;

    public static string Text(string text) =>
        text.Length <= MaxLength ? $"'{text}'" : $"'{text[..(MaxLength - 3)]}...' ({text.Length} characters)";
}
