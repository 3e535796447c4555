using System.Text.Json.Nodes;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager.Internal;

/// <summary>DescribeSecret's JSON members, as the service model names them (SecretId in; DeletedDate, a timestamp in epoch seconds, out).</summary>
internal static class DescribeSecretWire
{
    public const string Target = "DescribeSecret";

    public static JsonObject Request(DescribeSecretRequest request)
    {
        var body = new JsonObject();
        if (request.SecretId is not null) body["SecretId"] = request.SecretId;
        return body;
    }

    public static DescribeSecretResponse Response(JsonObject body) => new()
    {
        DeletedDate = body["DeletedDate"] is JsonValue deleted ? DateTime.UnixEpoch.AddSeconds(deleted.GetValue<double>()) : null,
    };
}
