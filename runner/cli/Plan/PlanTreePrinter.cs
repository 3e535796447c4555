using System.Text.Json.Nodes;

namespace Infra.Runner.Plan;

/// <summary>Prints a plan as an indented tree of <c>type name</c> lines (children under parents), then a count.</summary>
public static class PlanTreePrinter
{
    public static void Print(JsonObject plan, TextWriter output)
    {
        var resources = plan["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var children = resources.ToLookup(r => (string?)r["parent"]);
        foreach (var root in children[null])
        {
            PrintNode(root, children, depth: 0, output);
        }
        output.WriteLine($"{resources.Count} resources in stack {plan["stack"]} ({plan["flavor"]} SDK)");
    }

    private static void PrintNode(JsonObject resource, ILookup<string?, JsonObject> children, int depth, TextWriter output)
    {
        var flags = new List<string>();
        if ((bool)resource["protect"]!) flags.Add("protected");
        if ((bool)resource["retainOnDelete"]!) flags.Add("retained");
        if (resource["provider"] is JsonValue provider) flags.Add($"provider {((string)provider!).Split("::").Last()}");
        var suffix = flags.Count > 0 ? $"  ({string.Join(", ", flags)})" : "";
        output.WriteLine($"{new string(' ', depth * 2)}{resource["type"]} {resource["name"]}{suffix}");
        foreach (var child in children[(string)resource["urn"]!])
        {
            PrintNode(child, children, depth + 1, output);
        }
    }
}
