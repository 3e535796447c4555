using System.Collections.Concurrent;
using System.Formats.Cbor;
using System.Net;

namespace TestSupport;

/// <summary>
/// A CloudWatch stand-in on 127.0.0.1 (a port the OS picks) for DescribeAlarms, GetMetricStatistics and GetMetricData, speaking
/// Smithy RPC v2 CBOR as CloudWatch does to the v4 SDK. The test sets alarms, their states and data points; the server
/// answers as the service does: names sorted, pages of MaxRecords (1-100, default 50) joined by NextToken, at most
/// 100 AlarmNames, unknown names simply absent, a validation error (x-amzn-query-error "ValidationError;Sender") for
/// input the service rejects. GetMetricData computes each query's statistic (Sum, Minimum, Maximum, Average,
/// SampleCount or a percentile such as p99) per period from the data points set, newest first, and pages the data
/// points (<see cref="MetricDataPageSize"/>, the service's MaxDatapoints default) with NextToken. Every request is recorded, bytes included.
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
        ["GetMetricData"] = ["MetricDataQueries", "StartTime", "EndTime", "NextToken"],
    };

    private const int MetricDataQueriesLimit = 500;

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

    /// <summary>Data points per GetMetricData page; the service's default is 100,800, tests lower it to see NextToken.</summary>
    public int MetricDataPageSize { get; set; } = 100_800;

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
        return request.Operation switch
        {
            "DescribeAlarms" => DescribeAlarms(input),
            "GetMetricData" => GetMetricData(input),
            _ => GetMetricStatistics(input),
        };
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
        return EndPage(writer, offset + page.Count, matching.Count);
    }

    private (int, byte[], string?) GetMetricStatistics(Dictionary<string, object?> input)
    {
        if (MissingMember(input, "Namespace", "MetricName", "StartTime", "EndTime", "Period") is { } missing) return missing;

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

    private (int, byte[], string?) GetMetricData(Dictionary<string, object?> input)
    {
        if (MissingMember(input, "MetricDataQueries", "StartTime", "EndTime") is { } missing) return missing;
        var queries = ((List<object?>)input["MetricDataQueries"]!).Cast<Dictionary<string, object?>>().ToList();
        if (queries.Count > MetricDataQueriesLimit)
            return Validation($"Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to {MetricDataQueriesLimit}");

        var (start, end) = ((DateTime)input["StartTime"]!, (DateTime)input["EndTime"]!);
        if (end <= start) return Validation("The parameter EndTime must be greater than StartTime.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var series = new List<(string Id, List<(DateTime Timestamp, double Value)> Points)>();
        for (var index = 0; index < queries.Count; index++)
        {
            var query = queries[index];
            var at = $"MetricDataQueries.member.{index + 1}";
            if (query.Keys.FirstOrDefault(k => k is not ("Id" or "MetricStat")) is { } unknownMember)
                return Error(400, "SerializationException", "SerializationException", $"the fake CloudWatch does not implement {at}.{unknownMember}");
            if (query.GetValueOrDefault("Id") is not string id || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][a-zA-Z0-9_]{0,254}$"))
                return Validation($"The value {query.GetValueOrDefault("Id") ?? "null"} for parameter {at}.Id is not valid.");
            if (!ids.Add(id)) return Validation("The values for parameter id in MetricDataQueries are not unique.");
            if (query.GetValueOrDefault("MetricStat") is not Dictionary<string, object?> stat
                || stat.GetValueOrDefault("Metric") is not Dictionary<string, object?> metric
                || stat.GetValueOrDefault("Stat") is not string statistic
                || stat.GetValueOrDefault("Period") is not long period)
                return Validation($"The parameter {at}.MetricStat must name a Metric, a Period and a Stat.");
            if (!IsStatistic(statistic))
                return Validation($"The value {statistic} for parameter {at}.MetricStat.Stat is not valid.");
            if (period < 60 || period % 60 != 0)
                return Validation($"The parameter {at}.MetricStat.Period must be a multiple of 60.");
            var dimensions = ((metric.GetValueOrDefault("Dimensions") as List<object?>) ?? [])
                .Cast<Dictionary<string, object?>>()
                .ToDictionary(d => (string)d["Name"]!, d => (string)d["Value"]!);
            var points = _datapoints.GetValueOrDefault(MetricKey((string)metric["Namespace"]!, (string)metric["MetricName"]!, dimensions)) ?? [];
            var values = points.Where(p => p.Timestamp >= start && p.Timestamp < end)
                .GroupBy(p => start.AddSeconds((long)(p.Timestamp - start).TotalSeconds / period * period))
                .OrderByDescending(g => g.Key)
                .Select(g => (g.Key, Statistic(statistic, g.Select(p => p.Value).ToList())))
                .ToList();
            series.Add((id, values));
        }

        var offset = 0;
        if (input.GetValueOrDefault("NextToken") is string token && !TryReadToken(token, out offset))
            return Error(400, "com.amazonaws.cloudwatch#InvalidNextToken", "InvalidNextToken", "The service couldn't process your request because the next token is invalid.");
        var all = series.SelectMany(s => s.Points.Select(p => (s.Id, p.Timestamp, p.Value))).ToList();
        var page = all.Skip(offset).Take(MetricDataPageSize).ToList();
        var writer = new CborWriter();
        writer.WriteStartMap(null);
        writer.WriteTextString("MetricDataResults");
        writer.WriteStartArray(series.Count);
        foreach (var (id, points) in series)
        {
            var mine = page.Where(p => p.Id == id).ToList();
            writer.WriteStartMap(null);
            writer.WriteTextString("Id");
            writer.WriteTextString(id);
            writer.WriteTextString("Label");
            writer.WriteTextString(id);
            writer.WriteTextString("StatusCode");
            writer.WriteTextString(all.Skip(offset + page.Count).Any(p => p.Id == id) ? "PartialData" : "Complete");
            writer.WriteTextString("Timestamps");
            writer.WriteStartArray(mine.Count);
            foreach (var point in mine)
            {
                writer.WriteTag(CborTag.UnixTimeSeconds);
                writer.WriteInt64(new DateTimeOffset(point.Timestamp, TimeSpan.Zero).ToUnixTimeSeconds());
            }

            writer.WriteEndArray();
            writer.WriteTextString("Values");
            writer.WriteStartArray(mine.Count);
            foreach (var point in mine) writer.WriteDouble(point.Value);
            writer.WriteEndArray();
            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteTextString("Messages");
        writer.WriteStartArray(0);
        writer.WriteEndArray();
        return EndPage(writer, offset + page.Count, all.Count);
    }

    private static bool IsStatistic(string statistic) =>
        statistic is "Sum" or "Minimum" or "Maximum" or "Average" or "SampleCount"
        || System.Text.RegularExpressions.Regex.IsMatch(statistic, @"^p(100|[0-9]{1,2})(\.[0-9]+)?$");

    /// <summary>A statistic over one period's values, each value taken as one sample; pNN is the nearest-rank percentile.</summary>
    private static double Statistic(string statistic, List<double> values) => statistic switch
    {
        "Sum" => values.Sum(),
        "Minimum" => values.Min(),
        "Maximum" => values.Max(),
        "Average" => values.Average(),
        "SampleCount" => values.Count,
        ['p', .. var rank] when double.TryParse(rank, System.Globalization.CultureInfo.InvariantCulture, out var percent) =>
            values.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(percent / 100 * values.Count) - 1)),
        _ => throw new InvalidOperationException($"not a statistic: {statistic}"),
    };

    /// <summary>The service's answer for the first required member left out, or null when all are there.</summary>
    private static (int, byte[], string?)? MissingMember(Dictionary<string, object?> input, params string[] required) =>
        required.FirstOrDefault(name => input.GetValueOrDefault(name) is null) is { } name
            ? Validation($"Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null")
            : null;

    /// <summary>Ends a paged answer: a NextToken for the next offset while items remain, then the map.</summary>
    private static (int, byte[], string?) EndPage(CborWriter writer, int next, int total)
    {
        if (next < total)
        {
            writer.WriteTextString("NextToken");
            writer.WriteTextString(Convert.ToBase64String(BitConverter.GetBytes(next)));
        }

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
    internal static object? ReadValue(CborReader reader)
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

    /// <summary>The request's members as the server read them: maps, lists, strings, numbers, timestamps as UTC DateTime.</summary>
    public Dictionary<string, object?> Input => (Dictionary<string, object?>)FakeCloudWatchServer.ReadValue(new CborReader(Body))!;
}
