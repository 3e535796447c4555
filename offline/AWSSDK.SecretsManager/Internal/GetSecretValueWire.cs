using System.Text.Json.Nodes;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager.Internal;

/// <summary>GetSecretValue's JSON members, as the service model names them (SecretId in, SecretString out).</summary>
internal static class GetSecretValueWire
{
    public const string Target = "GetSecretValue";

    public static JsonObject Request(GetSecretValueRequest request)
    {
        var body = new JsonObject();
        if (request.SecretId is not null) body["SecretId"] = request.SecretId;
        return body;
    }

    public static GetSecretValueResponse Response(JsonObject body) => new() { SecretString = (string?)body["SecretString"] };
}
