using System.Text.Json;

namespace Infra.Runner.Adapters;

/// <summary>
/// The master credentials from the stack's database secret (<c>database.secretArn</c>, in RDS's own shape:
/// <c>username</c>, <c>password</c>, <c>dbname</c>, <c>port</c>). A class, not a record, so no generated ToString can
/// ever print the password.
/// </summary>
public sealed class DatabaseCredentials(string username, string password, string database, int port)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public string Database { get; } = database;

    public int Port { get; } = port;

    public override string ToString() => $"{Username}@{Database} (port {Port})";

    /// <summary>Reads the secret's JSON; a malformed secret is named by its ARN, never shown.</summary>
    /// <exception cref="SecretReadException">A field is missing or the value is not that JSON.</exception>
    public static DatabaseCredentials Parse(string secretArn, string secretJson)
    {
        try
        {
            using var document = JsonDocument.Parse(secretJson);
            var root = document.RootElement;
            return new DatabaseCredentials(
                Text(root, "username", secretArn), Text(root, "password", secretArn), Text(root, "dbname", secretArn),
                root.TryGetProperty("port", out var port) && port.TryGetInt32(out var number) ? number : DefaultPort);
        }
        catch (JsonException)
        {
            throw new SecretReadException($"the secret {secretArn} is not the database's credentials JSON (username, password, dbname, port)");
        }
    }

    /// <summary>PostgreSQL's port, for a secret without one.</summary>
    public const int DefaultPort = 5432;

    private static string Text(JsonElement root, string name, string secretArn) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new SecretReadException($"the secret {secretArn} has no {name}; it must hold the database's credentials JSON (username, password, dbname, port)");
}
