using System.Globalization;

namespace Fidelity.Tests.PublicApi;

/// <summary>Default values, constants and operator symbols, written as the PublicAPI listings write them.</summary>
public static class Literals
{
    public static string Of(object? value, Type type)
    {
        var target = type.IsByRef ? type.GetElementType()! : type;
        if (value is null or DBNull)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null
                ? $"default({TypeDisplay.Of(target)})"
                : "null";
        var enumType = target.IsEnum ? target : Nullable.GetUnderlyingType(target) is { IsEnum: true } inner ? inner : null;
        if (enumType is not null)
        {
            var name = Enum.GetName(enumType, Enum.ToObject(enumType, value));
            return name is null ? Number(value) : $"{TypeDisplay.Of(enumType)}.{name}";
        }
        return value switch
        {
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            bool b => b ? "true" : "false",
            char c => $"'{c}'",
            _ => Number(value),
        };
    }

    public static string Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    public static string OperatorSymbol(string methodName) => methodName switch
    {
        "op_Equality" => "==",
        "op_Inequality" => "!=",
        "op_LessThan" => "<",
        "op_GreaterThan" => ">",
        "op_LessThanOrEqual" => "<=",
        "op_GreaterThanOrEqual" => ">=",
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_Modulus" => "%",
        "op_UnaryNegation" => "-",
        "op_UnaryPlus" => "+",
        "op_LogicalNot" => "!",
        "op_True" => "true",
        "op_False" => "false",
        "op_BitwiseAnd" => "&",
        "op_BitwiseOr" => "|",
        "op_ExclusiveOr" => "^",
        _ => methodName,
    };
}
