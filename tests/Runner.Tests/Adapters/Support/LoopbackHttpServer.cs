using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Runner.Tests.Adapters.Support;

/// <summary>A request as the loopback server received it; <see cref="Headers"/> by name, case-insensitively.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string ContentType, string Body, string Host, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port: answers each request with the next scripted status code
/// (the last one repeats) and records what it received. One connection per request (Connection: close).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Queue<int> statuses;
    private readonly int lastStatus;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LoopbackHttpServer(params int[] statuses)
    {
        this.statuses = new Queue<int>(statuses);
        lastStatus = statuses[^1];
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}");

    public List<ReceivedRequest> Requests { get; } = [];

    /// <summary>Sent as the Location header of every answer, to script redirects.</summary>
    public Uri? Location { get; init; }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            await using var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            int status;
            lock (Requests)
            {
                Requests.Add(request);
                status = statuses.Count > 0 ? statuses.Dequeue() : lastStatus;
            }

            var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Scripted\r\n{(Location is null ? "" : $"Location: {Location}\r\n")}Content-Length: 0\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(response, stop.Token);
        }
    }

    private async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, stop.Token);
            if (read == 0) break;
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(buffer.ToArray(), 0, Math.Max(headerEnd, 0));
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text) : 0;
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, stop.Token);
            if (read == 0) break;
            body.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], headers.GetValueOrDefault("Content-Type", ""), Encoding.UTF8.GetString(body.ToArray()),
            headers.GetValueOrDefault("Host", ""), headers);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        }

        return -1;
    }
}
