using System.Globalization;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Loading;

/// <summary>
/// Reads one map of the neutral tree into typed values, reporting type errors with the key path, and remembers
/// which keys were asked for so that <see cref="ReportUnknownKeys"/> can flag the rest with a did-you-mean.
/// A value with a type error reads as absent, so the default applies and no follow-on error is reported.
/// </summary>
public sealed class MapReader
{
    private readonly ConfigMap _map;
    private readonly Diagnostics _diagnostics;
    private readonly List<string> _known = [];

    public MapReader(ConfigMap map, string path, Diagnostics diagnostics)
    {
        _map = map;
        Path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Opens <paramref name="node"/> as a map: absent reads as empty; a non-map is a type error.</summary>
    public static MapReader Open(ConfigNode? node, string path, Diagnostics diagnostics)
    {
        if (node is not null and not ConfigMap)
            diagnostics.Error(path, $"expected a map, got {node.Describe()}");
        return new MapReader(node as ConfigMap ?? ConfigMap.Empty, path, diagnostics);
    }

    public string Path { get; }
    public Diagnostics Diagnostics => _diagnostics;
    public bool IsEmpty => _map.Entries.Count == 0;

    /// <summary>The entries in file order, for maps keyed by user-chosen names (services, alarms, variables).</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries
    {
        get
        {
            _known.AddRange(_map.Entries.Select(e => e.Key));
            return _map.Entries;
        }
    }

    public string PathOf(string key) => KeyPath.Child(Path, key);

    /// <summary>The raw node for <paramref name="key"/>, marking the key as known.</summary>
    public ConfigNode? Node(string key)
    {
        _known.Add(key);
        return _map.Entries.FirstOrDefault(e => e.Key == key).Value;
    }

    public bool Has(string key) => _map.Entries.Any(e => e.Key == key);

    public MapReader Map(string key) => Open(Node(key), PathOf(key), _diagnostics);

    /// <summary>Text, or null when absent or empty: an empty value means "not set", as Pulumi's "" defaults do.</summary>
    public string? String(string key) => AsString(Node(key), PathOf(key)) is { Length: > 0 } text ? text : null;

    public int? Int(string key) => AsInt(Node(key), PathOf(key));

    public double? Double(string key) => Parse<double>(Node(key), PathOf(key), "a number",
        text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null);

    public bool? Bool(string key) => Parse<bool>(Node(key), PathOf(key), "true or false",
        text => bool.TryParse(text, out var v) ? v : (bool?)null);

    /// <summary>An enum by its stack-file spelling; anything else names the allowed values.</summary>
    public T? Enum<T>(string key) where T : struct, Enum => AsEnum<T>(Node(key), PathOf(key));

    public ValueList<string>? StringList(string key) =>
        Items(key)?.Select(i => AsString(i.Node, i.Path)).OfType<string>().ToValueList();

    public ValueList<int>? IntList(string key) =>
        Items(key)?.Select(i => AsInt(i.Node, i.Path)).OfType<int>().ToValueList();

    /// <summary>A list whose items are maps, each opened at its own path (<c>key[i]</c>); null when absent.</summary>
    public IReadOnlyList<MapReader>? MapList(string key) =>
        Items(key)?.Select(i => Open(i.Node, i.Path, _diagnostics)).ToList();

    /// <summary>A map of user-chosen names to text, e.g. environment variables.</summary>
    public ValueMap<string>? StringMap(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        var map = Open(node, PathOf(key), _diagnostics);
        return new ValueMap<string>(map.Entries
            .Select(e => (e.Key, Value: AsString(e.Value, map.PathOf(e.Key))))
            .Where(e => e.Value is not null)
            .Select(e => KeyValuePair.Create(e.Key, e.Value!)));
    }

    /// <summary>
    /// A secret: a stack file's <c>secure:</c> value, or text Pulumi holds as secret. Plain text is an error, and the
    /// value itself is never kept.
    /// </summary>
    /// <param name="problem">Checks the value where Pulumi gives it decrypted: the problem (which must not quote the
    /// value), or null. A stack file's <c>secure:</c> ciphertext is checked by the program when it reads the value.</param>
    public SecretSetting Secret(string key, Func<string, string?>? problem = null) => SecretAt(Node(key), PathOf(key), problem);

    /// <summary>A list of secrets (<c>key[i]</c>), each read as <see cref="Secret"/> reads one; null when absent.</summary>
    public ValueList<SecretSetting>? SecretList(string key, Func<string, string?>? problem = null) =>
        Items(key)?.Select(i => SecretAt(i.Node, i.Path, problem)).ToValueList();

    private SecretSetting SecretAt(ConfigNode? node, string path, Func<string, string?>? problem)
    {
        var isSet = node switch
        {
            null => false,
            ConfigSecret => true,
            ConfigScalar { IsSecret: true, Text.Length: > 0 } scalar when !PulumiConfigValues.IsStandIn(scalar.Text)
                                                                         && problem?.Invoke(scalar.Text) is { } detail => Fail(detail),
            ConfigScalar { IsSecret: true } scalar => scalar.Text.Length > 0,
            ConfigScalar => Fail($"must be a secret; set it with pulumi config set --secret --path '{path}' <value>"),
            _ => Fail($"expected a secret, got {node.Describe()}"),
        };
        return new SecretSetting(path, isSet);

        bool Fail(string detail)
        {
            _diagnostics.Error(path, detail);
            return false;
        }
    }

    /// <summary>Flags every key of this map that no read asked for.</summary>
    public void ReportUnknownKeys()
    {
        var known = _known.Distinct().ToList();
        foreach (var entry in _map.Entries.Where(e => !known.Contains(e.Key)))
            _diagnostics.Error(PathOf(entry.Key), DidYouMean.UnknownKeyMessage(entry.Key, known));
    }

    public T? AsEnum<T>(ConfigNode? node, string path) where T : struct, Enum
    {
        var text = AsString(node, path);
        if (text is null) return null;
        if (ConfigEnums.TryParse<T>(text, out var value)) return value;
        var shown = node is ConfigScalar { IsSecret: true } ? "a secret value" : Shown.Text(text);
        _diagnostics.Error(path, $"{shown} is not allowed; use one of: {string.Join(", ", ConfigEnums.AllowedValues<T>())}");
        return null;
    }

    public string? AsString(ConfigNode? node, string path) => node switch
    {
        null => null,
        ConfigScalar scalar => scalar.Text,
        _ => TypeError<string>(node, path, "a string"),
    };

    public int? AsInt(ConfigNode? node, string path) => Parse<int>(node, path, "an integer",
        text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);

    // The items of a list with their paths; null when absent or not a list (the latter reported).
    private IEnumerable<(ConfigNode Node, string Path)>? Items(string key)
    {
        var path = PathOf(key);
        var node = Node(key);
        if (node is null) return null;
        if (node is ConfigList list) return list.Items.Select((item, i) => (item, KeyPath.Item(path, i)));
        return TypeError<IEnumerable<(ConfigNode, string)>>(node, path, "a list");
    }

    private T? Parse<T>(ConfigNode? node, string path, string expected, Func<string, T?> parse) where T : struct
    {
        if (node is null) return null;
        if (node is ConfigScalar scalar && parse(scalar.Text) is { } value) return value;
        _diagnostics.Error(path, $"expected {expected}, got {node.Describe()}");
        return null;
    }

    private T? TypeError<T>(ConfigNode node, string path, string expected) where T : class
    {
        _diagnostics.Error(path, $"expected {expected}, got {node.Describe()}");
        return null;
    }
}
