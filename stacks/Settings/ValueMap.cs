using System.Collections;

namespace Infra.Stacks.Settings;

/// <summary>
/// An immutable string-keyed map that keeps the stack file's key order and compares by content.
/// </summary>
public sealed class ValueMap<T> : IReadOnlyDictionary<string, T>, IEquatable<ValueMap<T>>
{
    private readonly KeyValuePair<string, T>[] _entries;
    private readonly Dictionary<string, T> _lookup;

    public ValueMap(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _entries = entries.ToArray();
        _lookup = new Dictionary<string, T>(_entries, StringComparer.Ordinal);
    }

    public static ValueMap<T> Empty { get; } = new([]);

    public T this[string key] => _lookup[key];
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);
    public IEnumerable<T> Values => _entries.Select(e => e.Value);
    public int Count => _entries.Length;
    public bool ContainsKey(string key) => _lookup.ContainsKey(key);
    public bool TryGetValue(string key, out T value) => _lookup.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, T>>)_entries).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public bool Equals(ValueMap<T>? other) => other is not null && _entries.SequenceEqual(other._entries);
    public override bool Equals(object? obj) => Equals(obj as ValueMap<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries) hash.Add(entry);
        return hash.ToHashCode();
    }

    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
