using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// The longest run of items two lists share in the same order, as (base index, head index) pairs of equal items.
/// Ties are broken the same way every time: an item of the base is skipped before an item of the head.
/// </summary>
internal static class LongestCommonSubsequence
{
    public static IReadOnlyList<(int Before, int After)> Of(JsonArray before, JsonArray after)
    {
        // The common head and tail are matched directly; only the middle needs the quadratic table.
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && JsonNode.DeepEquals(before[prefix], after[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
               && JsonNode.DeepEquals(before[before.Count - 1 - suffix], after[after.Count - 1 - suffix]))
        {
            suffix++;
        }

        var pairs = Enumerable.Range(0, prefix).Select(k => (k, k)).ToList();
        pairs.AddRange(Middle(before, after, prefix, before.Count - prefix - suffix, after.Count - prefix - suffix));
        pairs.AddRange(Enumerable.Range(0, suffix).Select(k => (before.Count - suffix + k, after.Count - suffix + k)));
        return pairs;
    }

    private static List<(int, int)> Middle(JsonArray before, JsonArray after, int offset, int n, int m)
    {
        var equal = new bool[n, m];
        var length = new int[n + 1, m + 1]; // length[i, j]: the longest common subsequence of before[i..] and after[j..]
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                equal[i, j] = JsonNode.DeepEquals(before[offset + i], after[offset + j]);
                length[i, j] = equal[i, j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        var (b, a) = (0, 0);
        while (b < n && a < m)
        {
            if (equal[b, a])
            {
                pairs.Add((offset + b, offset + a));
                (b, a) = (b + 1, a + 1);
            }
            else if (length[b + 1, a] >= length[b, a + 1])
            {
                b++;
            }
            else
            {
                a++;
            }
        }

        return pairs;
    }
}
