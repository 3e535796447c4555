using System.Formats.Cbor;
using System.Net.Http.Headers;
using Amazon.Runtime;

namespace Amazon.CloudWatch.Internal;

/// <summary>
/// The Smithy RPC v2 CBOR protocol as AWS SDK for .NET v4 speaks it to CloudWatch: POST
/// {endpoint}/service/GraniteServiceVersion20100801/operation/{operation} with a CBOR map body, and, because the
/// service is awsQueryCompatible, x-amzn-query-mode on the request and the error code in x-amzn-query-error.
/// </summary>
internal static class RpcV2Cbor
{
    public const string ServiceShape = "GraniteServiceVersion20100801";
    public const string ApiVersion = "2010-08-01";

    private static readonly HttpClient Http = new();

    /// <summary>A writer as the SDK's CborWriterPool makes them: canonical, indefinite lengths converted to definite.</summary>
    public static CborWriter NewWriter() => new(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: true);

    /// <summary>Sends one operation and hands the response body to <paramref name="read"/>; an error answer throws.</summary>
    public static async Task<T> CallAsync<T>(Uri endpoint, string operation, byte[] body, Func<CborReader, T> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{endpoint.AbsoluteUri.TrimEnd('/')}/service/{ServiceShape}/operation/{operation}");
        request.Headers.Add("smithy-protocol", "rpc-v2-cbor");
        request.Headers.Add("x-amzn-query-mode", "true");
        request.Headers.Add("x-amz-api-version", ApiVersion);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/cbor"));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cbor");

        using var response = await Http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw Error(response, bytes, operation);
        return read(new CborReader(bytes, CborConformanceMode.Lax));
    }

    /// <summary>A text member, left out when null, as the SDK's marshallers leave unset members out.</summary>
    public static void WriteText(CborWriter writer, string name, string? value)
    {
        if (value is null) return;
        writer.WriteTextString(name);
        writer.WriteTextString(value);
    }

    /// <summary>A timestamp member, left out when null.</summary>
    public static void WriteTimestamp(CborWriter writer, string name, DateTime? value)
    {
        if (value is not { } time) return;
        writer.WriteTextString(name);
        WriteTimestamp(writer, time);
    }

    /// <summary>An integer member, left out when null.</summary>
    public static void WriteInt(CborWriter writer, string name, int? value)
    {
        if (value is not { } number) return;
        writer.WriteTextString(name);
        writer.WriteInt32(number);
    }

    /// <summary>A metric's Dimensions member: a list of Name/Value maps, left out when null.</summary>
    public static void WriteDimensions(CborWriter writer, List<Amazon.CloudWatch.Model.Dimension>? dimensions)
    {
        if (dimensions is null) return;
        writer.WriteTextString("Dimensions");
        writer.WriteStartArray(dimensions.Count);
        foreach (var dimension in dimensions)
        {
            writer.WriteStartMap(null);
            WriteText(writer, "Name", dimension.Name);
            WriteText(writer, "Value", dimension.Value);
            writer.WriteEndMap();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a map member by member, skipping CBOR nulls and members <paramref name="member"/> does not consume.</summary>
    public static void ReadMap(CborReader reader, Func<string, bool> member)
    {
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var name = reader.ReadTextString();
            if (reader.PeekState() == CborReaderState.Null) reader.ReadNull();
            else if (!member(name)) reader.SkipValue();
        }

        reader.ReadEndMap();
    }

    /// <summary>Reads an array, or a CBOR null as an empty list.</summary>
    public static List<T> ReadList<T>(CborReader reader, Func<CborReader, T> item)
    {
        var list = new List<T>();
        reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray) list.Add(item(reader));
        reader.ReadEndArray();
        return list;
    }

    /// <summary>Any CBOR number (integer or float of any width) as a double.</summary>
    public static double ReadNumber(CborReader reader) => reader.PeekState() switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
        _ => reader.ReadDouble(),
    };

    /// <summary>A timestamp: tag 1 (epoch seconds) and a number, as UTC.</summary>
    public static DateTime ReadTimestamp(CborReader reader)
    {
        var tag = reader.ReadTag();
        if (tag != CborTag.UnixTimeSeconds) throw new CborContentException($"expected a timestamp (tag 1), got tag {(ulong)tag}");
        return DateTime.UnixEpoch.AddMilliseconds(Math.Round(ReadNumber(reader) * 1000));
    }

    /// <summary>A timestamp as the SDK writes it: tag 1 and the epoch seconds in the smallest exact number form.</summary>
    public static void WriteTimestamp(CborWriter writer, DateTime value)
    {
        writer.WriteTag(CborTag.UnixTimeSeconds);
        var seconds = Math.Round((value.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds) / 1000.0;
        if (seconds % 1 == 0)
        {
            writer.WriteInt64((long)seconds);
        }
        else if ((double)(float)seconds == seconds)
        {
            // A 32-bit float, never a half, as the SDK encodes it by hand.
            var encoded = new byte[5];
            encoded[0] = 0xFA;
            System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(encoded.AsSpan(1), (float)seconds);
            writer.WriteEncodedValue(encoded);
        }
        else
        {
            writer.WriteDouble(seconds);
        }
    }

    // An error answer: the code from x-amzn-query-error ("Code;Sender"), else the __type shape name; the message from
    // the body's message (or Message) member. A body that is not CBOR still fails with the status and operation.
    private static AmazonCloudWatchException Error(HttpResponseMessage response, byte[] body, string operation)
    {
        string? type = null, message = null;
        try
        {
            var reader = new CborReader(body, CborConformanceMode.Lax);
            ReadMap(reader, name =>
            {
                switch (name)
                {
                    case "__type": type = reader.ReadTextString(); return true;
                    case "message" or "Message": message = reader.ReadTextString(); return true;
                    default: return false;
                }
            });
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            message ??= $"CloudWatch {operation} answered HTTP {(int)response.StatusCode} with a body that is not CBOR";
        }

        var code = type?[(type.LastIndexOf('#') + 1)..];
        var errorType = ErrorType.Unknown;
        if (response.Headers.TryGetValues("x-amzn-query-error", out var queryError)
            && queryError.FirstOrDefault()?.Split(';') is [var queryCode, var fault])
        {
            code = queryCode;
            errorType = fault switch { "Sender" => ErrorType.Sender, "Receiver" => ErrorType.Receiver, _ => ErrorType.Unknown };
        }

        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() ?? "" : "";
        return new AmazonCloudWatchException(message ?? code ?? $"HTTP {(int)response.StatusCode}", null!, errorType, code ?? "", requestId, response.StatusCode);
    }
}
