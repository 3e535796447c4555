using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Compares two JSON trees and lists the leaves that differ. Objects are compared key by key (keys in ordinal order),
/// lists item by item as <see cref="ArrayAligner"/> pairs them, and strings that both hold JSON documents are compared
/// inside those documents. Equal strings are equal, so two <c>"[secret]"</c> values never show as a change.
/// </summary>
public static class JsonValueDiffer
{
    public static IReadOnlyList<PropertyChange> Diff(JsonObject before, JsonObject after)
    {
        var changes = new List<PropertyChange>();
        DiffObjects("", before, after, changes);
        return changes;
    }

    private static void DiffObjects(string path, JsonObject before, JsonObject after, List<PropertyChange> changes)
    {
        var keys = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var inBefore = before.TryGetPropertyValue(key, out var b);
            var inAfter = after.TryGetPropertyValue(key, out var a);
            DiffValues(PropertyPath.Key(path, key), new JsonSlot(inBefore, b), new JsonSlot(inAfter, a), changes);
        }
    }

    private static void DiffValues(string path, JsonSlot before, JsonSlot after, List<PropertyChange> changes)
    {
        if (!before.Present || !after.Present)
        {
            changes.Add(new PropertyChange(path, before.Render(), after.Render()));
            return;
        }

        switch (before.Value, after.Value)
        {
            case (JsonObject b, JsonObject a):
                DiffObjects(path, b, a, changes);
                return;
            case (JsonArray b, JsonArray a):
                DiffArrays(path, b, a, changes);
                return;
        }

        if (JsonText.TryParseEmbedded(before.Value, out var embeddedBefore)
            && JsonText.TryParseEmbedded(after.Value, out var embeddedAfter))
        {
            DiffValues(path, JsonSlot.Of(embeddedBefore), JsonSlot.Of(embeddedAfter), changes);
            return;
        }

        if (!JsonNode.DeepEquals(before.Value, after.Value))
        {
            changes.Add(new PropertyChange(path, before.Render(), after.Render()));
        }
    }

    private static void DiffArrays(string path, JsonArray before, JsonArray after, List<PropertyChange> changes)
    {
        foreach (var item in ArrayAligner.Align(path, before, after))
        {
            if (item.Whole)
            {
                changes.Add(new PropertyChange(item.Path, item.Before.Render(), item.After.Render()));
            }
            else
            {
                DiffValues(item.Path, item.Before, item.After, changes);
            }
        }
    }
}
