namespace Infra.Stacks.Loading;

/// <summary>Collects every error and warning of one load, each prefixed with the file label and key path.</summary>
public sealed class Diagnostics(string fileLabel)
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Errors => _errors;
    public IReadOnlyList<string> Warnings => _warnings;

    public void Error(string keyPath, string detail) => _errors.Add($"{fileLabel}: {keyPath}: {detail}");
    public void Warning(string keyPath, string detail) => _warnings.Add($"{fileLabel}: {keyPath}: {detail}");

    /// <summary><c>{path}: {value} is out of range; allowed {min} to {max}</c> when outside; true when inside.</summary>
    public bool CheckRange(string keyPath, long value, long min, long max)
    {
        if (value >= min && value <= max) return true;
        Error(keyPath, $"{value} is out of range; allowed {min} to {max}");
        return false;
    }

    /// <summary>The same for a decimal number, printed with a dot: <c>{path}: 0.5 is out of range; allowed 1 to 100</c>.</summary>
    public bool CheckRange(string keyPath, double value, double min, double max)
    {
        if (value >= min && value <= max) return true;
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Error(keyPath, $"{value.ToString(c)} is out of range; allowed {min.ToString(c)} to {max.ToString(c)}");
        return false;
    }

    /// <summary><c>{path}: {value} is out of range; allowed {min} or more</c> when below; true otherwise.</summary>
    public bool CheckAtLeast(string keyPath, long value, long min)
    {
        if (value >= min) return true;
        Error(keyPath, $"{value} is out of range; allowed {min} or more");
        return false;
    }
}

/// <summary>Builds key paths the way messages print them: <c>infra:services.web.weights</c>, <c>steps[2]</c>.</summary>
public static class KeyPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
