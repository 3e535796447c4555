namespace Amazon.Runtime;

/// <summary>Base of the SDK's string enumerations: a value sent to AWS as text, with named instances for the known ones.</summary>
public class ConstantClass
{
    protected ConstantClass(string value)
    {
        Value = value;
    }

    /// <summary>The text sent to and received from AWS.</summary>
    public string Value { get; private set; }

    public override string ToString() => Value;

    /// <summary>The named instance of <typeparamref name="T"/> whose value matches (ignoring case), else a new one.</summary>
    protected static T FindValue<T>(string value) where T : ConstantClass
    {
        var known = typeof(T).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(T))
            .Select(f => (T)f.GetValue(null)!)
            .FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));
        return known ?? (T)Activator.CreateInstance(typeof(T), value)!;
    }
}
