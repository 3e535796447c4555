using System.Net;

namespace Infra.Ledger.Tests;

/// <summary>Writes an answer the way DynamoDB does: JSON 1.0 with a request id, then closes the response.</summary>
internal static class DynamoDbAnswer
{
    public static async Task WriteAsync(HttpListenerContext context, int status, byte[] body, string requestId)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
