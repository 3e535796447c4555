using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Pairs the items of two versions of a list, so that one item inserted or removed near the start shows as one
/// change instead of a change at every later index.
/// <list type="bullet">
/// <item>Items named by an identifying key (see <see cref="ElementKeys"/>) are matched by name, unless the names sit
/// at the same indexes on both sides, where plain indexes say the same more briefly. A change in the order of the
/// items both sides keep shows as one more change, <c>list[order by name]</c>.</item>
/// <item>Other lists keep their longest common run of equal items. Between two kept items the leftovers are paired
/// position by position when both sides have as many; otherwise matched by name when a key names them all; otherwise
/// reported as removed and added items.</item>
/// </list>
/// Paths are written as <see cref="PropertyPath"/> describes.
/// </summary>
internal static class ArrayAligner
{
    public static IReadOnlyList<AlignedItem> Align(string path, JsonArray before, JsonArray after)
    {
        var old = Indexed(before);
        var now = Indexed(after);
        var aligned = new List<AlignedItem>();
        if (ElementKeys.Find(Nodes(old), Nodes(now)) is { } key && !Names(old, key).SequenceEqual(Names(now, key)))
        {
            MatchByName(path, key, old, now, aligned);
            return aligned;
        }

        var (b, a) = (0, 0);
        foreach (var (i, j) in LongestCommonSubsequence.Of(before, after).Append((before.Count, after.Count)))
        {
            AlignLeftovers(path, old[b..i], now[a..j], aligned);
            (b, a) = (i + 1, j + 1);
        }

        return aligned;
    }

    private static void AlignLeftovers(string path, Item[] old, Item[] now, List<AlignedItem> aligned)
    {
        if (old.Length == now.Length)
        {
            aligned.AddRange(old.Zip(now, (o, n) => new AlignedItem(PropertyPath.Moved(path, o.Index, n.Index), o.Slot, n.Slot)));
        }
        else if (ElementKeys.Find(Nodes(old), Nodes(now)) is { } key)
        {
            MatchByName(path, key, old, now, aligned);
        }
        else
        {
            aligned.AddRange(old.Select(o => new AlignedItem(PropertyPath.Removed(path, o.Index), o.Slot, JsonSlot.Absent)));
            aligned.AddRange(now.Select(n => new AlignedItem(PropertyPath.Added(path, n.Index), JsonSlot.Absent, n.Slot)));
        }
    }

    // Base items in base order, each with its namesake in the head if any; then the head's new names in head order;
    // then, if the items both sides keep changed their order, that order as one value.
    private static void MatchByName(string path, string key, Item[] old, Item[] now, List<AlignedItem> aligned)
    {
        var heads = now.ToDictionary(n => ElementKeys.NameOf(n.Node, key), StringComparer.Ordinal);
        var bases = Names(old, key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in old)
        {
            var name = ElementKeys.NameOf(item.Node, key);
            var head = heads.TryGetValue(name, out var match) ? match.Slot : JsonSlot.Absent;
            aligned.Add(new AlignedItem(PropertyPath.Keyed(path, key, name), item.Slot, head));
        }

        aligned.AddRange(now
            .Where(n => !bases.Contains(ElementKeys.NameOf(n.Node, key)))
            .Select(n => new AlignedItem(PropertyPath.Keyed(path, key, ElementKeys.NameOf(n.Node, key)), JsonSlot.Absent, n.Slot)));

        var kept = Names(old, key).Where(heads.ContainsKey).ToArray();
        var moved = Names(now, key).Where(bases.Contains).ToArray();
        if (!kept.SequenceEqual(moved))
        {
            aligned.Add(new AlignedItem(PropertyPath.Order(path, key), NameList(kept), NameList(moved), Whole: true));
        }
    }

    private static JsonSlot NameList(string[] names) => JsonSlot.Of(new JsonArray(names.Select(n => (JsonNode?)n).ToArray()));

    private static Item[] Indexed(JsonArray array) => array.Select((node, index) => new Item(index, node)).ToArray();

    private static JsonNode?[] Nodes(Item[] items) => items.Select(i => i.Node).ToArray();

    private static IEnumerable<string> Names(Item[] items, string key) => items.Select(i => ElementKeys.NameOf(i.Node, key));

    private readonly record struct Item(int Index, JsonNode? Node)
    {
        public JsonSlot Slot => JsonSlot.Of(Node);
    }
}

/// <summary>
/// One item of a list, as paired by <see cref="ArrayAligner"/>: its path and its value on each side. A
/// <paramref name="Whole"/> item (the order of named items) is compared as one value, not item by item.
/// </summary>
internal readonly record struct AlignedItem(string Path, JsonSlot Before, JsonSlot After, bool Whole = false);
