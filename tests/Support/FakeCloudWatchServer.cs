using System.Collections.Concurrent;
using System.Formats.Cbor;
using System.Net;

namespace TestSupport;

/// <summary>
/// A CloudWatch stand-in on 127.0.0.1 (a port the OS picks) for DescribeAlarms and GetMetricStatistics, speaking
/// Smithy RPC v2 CBOR as CloudWatch does to the v4 SDK. The test sets alarms, their states and data points; the server
/// answers as the service does: names sorted, pages of MaxRecords (1-100, default 50) joined by NextToken, at most
/// 100 AlarmNames, unknown names simply absent, a validation error (x-amzn-query-error "ValidationError;Sender") for
/// input the service rejects. Every request is recorded, bytes included.
/// </summary>
internal sealed class FakeCloudWatchServer : IDisposable
{
    public const string OperationPrefix = "/service/GraniteServiceVersion20100801/operation/";
    private const int DefaultMaxRecords = 50;
    private const int MaxRecordsLimit = 100;
    private const int AlarmNamesLimit = 100;

    // The operations and request members the fake implements.
    private static readonly Dictionary<string, string[]> Implemented = new(StringComparer.Ordinal)
    {
        ["DescribeAlarms"] = ["AlarmNames", "MaxRecords", "NextToken"],
        ["GetMetricStatistics"] = ["Namespace", "MetricName", "Dimensions", "Statistics", "Period", "StartTime", "EndTime"],
    };

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, string> _alarmStates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<(DateTime Timestamp, double Value)>> _datapoints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _serving;

    private FakeCloudWatchServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the value for AWS_ENDPOINT_URL_CLOUDWATCH.</summary>
    public string Endpoint { get; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static FakeCloudWatchServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeCloudWatchServer(listener, port);
    }

    /// <summary>Creates the alarm or changes its state ("OK", "ALARM" or "INSUFFICIENT_DATA").</summary>
    public void SetAlarm(string name, string state) => _alarmStates[name] = state;

    public void DeleteAlarm(string name) => _alarmStates.TryRemove(name, out _);

    /// <summary>The values a metric has, keyed by namespace, name and every dimension (CloudWatch matches all of them exactly).</summary>
    public void SetDatapoints(string metricNamespace, string metricName, IReadOnlyDictionary<string, string> dimensions, IEnumerable<(DateTime Timestamp, double Value)> points) =>
        _datapoints[MetricKey(metricNamespace, metricName, dimensions)] = [.. points];

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!), body.ToArray());
        _requests.Enqueue(request);
        var (status, answer, queryError) = Answer(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/cbor";
        context.Response.ContentLength64 = answer.Length;
        context.Response.Headers["smithy-protocol"] = "rpc-v2-cbor";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (queryError is not null) context.Response.Headers["x-amzn-query-error"] = queryError;
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    private (int Status, byte[] Body, string? QueryError) Answer(RecordedRequest request)
    {
        if (request.Method != "POST" || !request.Path.StartsWith(OperationPrefix, StringComparison.Ordinal))
            return Error(404, "UnknownOperationException", "UnknownOperationException", $"no operation at {request.Method} {request.Path}");
        if (request.Headers.GetValueOrDefault("smithy-protocol") != "rpc-v2-cbor" || request.Headers.GetValueOrDefault("content-type") != "application/cbor")
            return Error(400, "SerializationException", "SerializationException", "expected smithy-protocol: rpc-v2-cbor and Content-Type: application/cbor");
        if (!Implemented.TryGetValue(request.Operation, out var members))
            return Error(404, "UnknownOperationException", "UnknownOperationException", $"unknown operation {request.Operation}");
        Dictionary<string, object?> input;
        try
        {
            input = ReadValue(new CborReader(request.Body)) as Dictionary<string, object?>
                ?? throw new CborContentException("the body is not a CBOR map");
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            return Error(400, "SerializationException", "SerializationException", $"the body is not valid CBOR: {e.Message}");
        }

        // A member the fake does not implement fails loudly rather than being ignored as if the service had applied it.
        if (input.Keys.FirstOrDefault(k => !members.Contains(k)) is { } unknown)
            return Error(400, "SerializationException", "SerializationException", $"the fake CloudWatch does not implement {request.Operation}.{unknown}");
        return request.Operation == "DescribeAlarms" ? DescribeAlarms(input) : GetMetricStatistics(input);
    }

    private (int, byte[], string?) DescribeAlarms(Dictionary<string, object?> input)
    {
        var names = (input.GetValueOrDefault("AlarmNames") as List<object?>)?.Cast<string>().ToList();
        var maxRecords = input.GetValueOrDefault("MaxRecords") is { } max ? Convert.ToInt64(max) : DefaultMaxRecords;
        if (names is { Count: > AlarmNamesLimit })
            return Validation($"Value '[{string.Join(", ", names)}]' at 'alarmNames' failed to satisfy constraint: Member must have length less than or equal to {AlarmNamesLimit}");
        if (maxRecords is < 1 or > MaxRecordsLimit)
            return Validation($"Value '{maxRecords}' at 'maxRecords' failed to satisfy constraint: Member must have value " +
                (maxRecords < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxRecordsLimit}"));

        var matching = _alarmStates.Where(a => names is null or { Count: 0 } || names.Contains(a.Key))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        var offset = 0;
        if (input.GetValueOrDefault("NextToken") is string token && !TryReadToken(token, out offset))
            return Error(400, "com.amazonaws.cloudwatch#InvalidNextToken", "InvalidNextToken", "The service couldn't process your request because the next token is invalid.");

        var page = matching.Skip(offset).Take((int)maxRecords).ToList();
        var writer = new CborWriter();
        writer.WriteStartMap(null);
        writer.WriteTextString("MetricAlarms");
        writer.WriteStartArray(page.Count);
        foreach (var (name, state) in page)
        {
            writer.WriteStartMap(null);
            writer.WriteTextString("AlarmName");
            writer.WriteTextString(name);
            writer.WriteTextString("AlarmArn");
            writer.WriteTextString($"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{name}");
            writer.WriteTextString("StateValue");
            writer.WriteTextString(state);
            writer.WriteTextString("StateUpdatedTimestamp");
            writer.WriteTag(CborTag.UnixTimeSeconds);
            writer.WriteInt64(1_700_000_000);
            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteTextString("CompositeAlarms");
        writer.WriteStartArray(0);
        writer.WriteEndArray();
        if (offset + page.Count < matching.Count)
        {
            writer.WriteTextString("NextToken");
            writer.WriteTextString(Convert.ToBase64String(BitConverter.GetBytes(offset + page.Count)));
        }

        writer.WriteEndMap();
        return (200, writer.Encode(), null);
    }

    private (int, byte[], string?) GetMetricStatistics(Dictionary<string, object?> input)
    {
        foreach (var required in new[] { "Namespace", "MetricName", "StartTime", "EndTime", "Period" })
        {
            if (input.GetValueOrDefault(required) is null)
                return Validation($"Value null at '{char.ToLowerInvariant(required[0])}{required[1..]}' failed to satisfy constraint: Member must not be null");
        }

        var dimensions = ((input.GetValueOrDefault("Dimensions") as List<object?>) ?? [])
            .Cast<Dictionary<string, object?>>()
            .ToDictionary(d => (string)d["Name"]!, d => (string)d["Value"]!);
        var statistics = ((input.GetValueOrDefault("Statistics") as List<object?>) ?? []).Cast<string>().ToList();
        var (start, end) = ((DateTime)input["StartTime"]!, (DateTime)input["EndTime"]!);
        var points = _datapoints.GetValueOrDefault(MetricKey((string)input["Namespace"]!, (string)input["MetricName"]!, dimensions)) ?? [];

        var writer = new CborWriter();
        writer.WriteStartMap(null);
        writer.WriteTextString("Label");
        writer.WriteTextString((string)input["MetricName"]!);
        var inWindow = points.Where(p => p.Timestamp >= start && p.Timestamp < end).ToList();
        writer.WriteTextString("Datapoints");
        writer.WriteStartArray(inWindow.Count);
        foreach (var (timestamp, value) in inWindow)
        {
            writer.WriteStartMap(null);
            writer.WriteTextString("Timestamp");
            writer.WriteTag(CborTag.UnixTimeSeconds);
            writer.WriteInt64(new DateTimeOffset(timestamp, TimeSpan.Zero).ToUnixTimeSeconds());
            foreach (var statistic in statistics)
            {
                writer.WriteTextString(statistic);
                writer.WriteDouble(statistic == "SampleCount" ? 1 : value);
            }

            writer.WriteTextString("Unit");
            writer.WriteTextString("Seconds");
            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
        return (200, writer.Encode(), null);
    }

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var bytes = Convert.FromBase64String(token);
            if (bytes.Length != sizeof(int)) return false;
            offset = BitConverter.ToInt32(bytes);
            return offset > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static (int, byte[], string?) Validation(string problem) =>
        Error(400, "com.amazon.coral.validate#ValidationException", "ValidationError", $"1 validation error detected: {problem}");

    private static (int, byte[], string?) Error(int status, string type, string code, string message)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(2);
        writer.WriteTextString("__type");
        writer.WriteTextString(type);
        writer.WriteTextString("message");
        writer.WriteTextString(message);
        writer.WriteEndMap();
        return (status, writer.Encode(), $"{code};Sender");
    }

    // The request body as plain values: maps, lists, strings, numbers, timestamps (tag 1) as UTC DateTime.
    private static object? ReadValue(CborReader reader)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap) map[reader.ReadTextString()] = ReadValue(reader);
                reader.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                var list = new List<object?>();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray) list.Add(ReadValue(reader));
                reader.ReadEndArray();
                return list;
            case CborReaderState.TextString:
                return reader.ReadTextString();
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.Tag:
                reader.ReadTag();
                var seconds = Convert.ToDouble(ReadValue(reader));
                return DateTime.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            default:
                return reader.ReadDouble();
        }
    }

    private static string MetricKey(string metricNamespace, string metricName, IReadOnlyDictionary<string, string> dimensions) =>
        string.Join("\n", [metricNamespace, metricName, .. dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")]);
}

/// <summary>One request as the server received it; header names in lower case.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Operation => Path[FakeCloudWatchServer.OperationPrefix.Length..];
}
