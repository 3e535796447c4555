using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Infra.Ledger.Tests;

/// <summary>One HTTP/1.1 request read fully from a loopback connection, as a real server reads it before answering.</summary>
internal sealed record LoopbackRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The request, or null when the client closed the connection first.</summary>
    public static async Task<LoopbackRequest?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) return null;
            received.AddRange(buffer.AsSpan(0, read));
        }
        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd).Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = received.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) return null;
            body.AddRange(buffer.AsSpan(0, read));
        }
        return new LoopbackRequest(headers, body.ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') return i;
        return -1;
    }
}
