using System.Text.Json;

namespace Infra.Components.Data;

/// <summary>
/// The JSON stored in the master-credentials secret, in the shape RDS's own secrets use, so clients and rotation
/// functions can read it without knowing this project.
/// </summary>
public static class MasterSecretDocument
{
    public static string Json(string username, string password, string host, int port, string databaseName) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["dbname"] = databaseName,
            ["engine"] = PostgresEngine.Name,
            ["host"] = host,
            ["password"] = password,
            ["port"] = port,
            ["username"] = username,
        });
}
