namespace Fidelity.Tests.Typings;

/// <summary>Turns a .d.ts property type into a <see cref="Shape"/>, and tells whether it admits undefined.</summary>
public static class TsTypeShapes
{
    public static Shape Parse(string typeText)
    {
        var options = UnionOptions(typeText).Select(ParseSingle).Distinct().ToList();
        return options.Count == 1 ? options[0] : new UnionShape(options);
    }

    /// <summary>True when the type (inside any pulumi.Input/Output wrapper) includes <c>undefined</c>.</summary>
    public static bool AdmitsUndefined(string typeText) =>
        TsDeclarationParser.SplitTopLevel(Unwrap(typeText), '|').Any(o => o.Trim() == "undefined");

    private static IEnumerable<string> UnionOptions(string typeText) =>
        TsDeclarationParser.SplitTopLevel(Unwrap(typeText), '|')
            .Select(o => o.Trim())
            .Where(o => o is not ("undefined" or "null" or ""));

    private static Shape ParseSingle(string text)
    {
        text = Unwrap(text);
        if (text.StartsWith('(') && text.EndsWith(')') && Encloses(text, '(', ')'))
            return Parse(text[1..^1]);
        if (text.EndsWith("[]", StringComparison.Ordinal))
            return new ListShape(Parse(text[..^2]));
        if (text.StartsWith('{') && text.Contains("[key: string]:", StringComparison.Ordinal))
        {
            var valueStart = text.IndexOf("]:", StringComparison.Ordinal) + 2;
            var valueText = text[valueStart..text.LastIndexOf('}')].Trim().TrimEnd(';');
            return new MapShape(Parse(valueText));
        }
        if (text.StartsWith('"') || text.StartsWith('\''))
            return PrimitiveShape.String;
        switch (text)
        {
            case "string": return PrimitiveShape.String;
            case "number": return PrimitiveShape.Number;
            case "boolean": return PrimitiveShape.Boolean;
            case "any": return PrimitiveShape.Any;
        }

        var parts = text.Split('.');
        return parts switch
        {
            ["pulumi", "asset", var asset] => new AssetShape(asset),
            ["inputs" or "outputs", var name] => new ObjectShape("", name),
            ["inputs" or "outputs", var module, var name] => new ObjectShape(module, name),
            ["enums", var name] => new EnumShape("", name),
            ["enums", var module, var name] => new EnumShape(module, name),
            _ => new NamedShape(text),
        };
    }

    // pulumi.Input<T> and pulumi.Output<T> only say when a value is known; the shape is T.
    private static string Unwrap(string text)
    {
        text = text.Trim();
        foreach (var wrapper in new[] { "pulumi.Input<", "pulumi.Output<" })
            if (text.StartsWith(wrapper, StringComparison.Ordinal) && text.EndsWith('>') && Encloses(text[(wrapper.Length - 1)..], '<', '>'))
                return Unwrap(text[wrapper.Length..^1]);
        return text;
    }

    // True when the bracket opening the text is the one closing it, e.g. "(a|b)" but not "(a)|(b)".
    private static bool Encloses(string text, char open, char close)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == open) depth++;
            else if (text[i] == close && (close != '>' || i == 0 || text[i - 1] != '=') && --depth == 0)
                return i == text.Length - 1;
        }
        return false;
    }
}
