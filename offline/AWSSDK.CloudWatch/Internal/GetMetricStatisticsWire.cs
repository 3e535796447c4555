using System.Formats.Cbor;
using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch.Internal;

/// <summary>GetMetricStatistics over RPC v2 CBOR: the members the offline model declares, as the v4 marshallers write and read them.</summary>
internal static class GetMetricStatisticsWire
{
    public const string Operation = "GetMetricStatistics";

    public static byte[] Request(GetMetricStatisticsRequest request)
    {
        var writer = RpcV2Cbor.NewWriter();
        writer.WriteStartMap(null);
        RpcV2Cbor.WriteDimensions(writer, request.Dimensions);
        RpcV2Cbor.WriteTimestamp(writer, "EndTime", request.EndTime);
        RpcV2Cbor.WriteText(writer, "MetricName", request.MetricName);
        RpcV2Cbor.WriteText(writer, "Namespace", request.Namespace);
        RpcV2Cbor.WriteInt(writer, "Period", request.Period);
        RpcV2Cbor.WriteTimestamp(writer, "StartTime", request.StartTime);
        if (request.Statistics is { } statistics)
        {
            writer.WriteTextString("Statistics");
            writer.WriteStartArray(statistics.Count);
            foreach (var statistic in statistics) writer.WriteTextString(statistic);
            writer.WriteEndArray();
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>As in SDK v4, <see cref="GetMetricStatisticsResponse.Datapoints"/> stays null when the answer has none.</summary>
    public static GetMetricStatisticsResponse Response(CborReader reader)
    {
        var response = new GetMetricStatisticsResponse();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            if (name != "Datapoints") return false;
            response.Datapoints = RpcV2Cbor.ReadList(reader, Datapoint);
            return true;
        });
        return response;
    }

    private static Datapoint Datapoint(CborReader reader)
    {
        var datapoint = new Datapoint();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            switch (name)
            {
                case "Maximum": datapoint.Maximum = RpcV2Cbor.ReadNumber(reader); return true;
                case "Timestamp": datapoint.Timestamp = RpcV2Cbor.ReadTimestamp(reader); return true;
                default: return false;
            }
        });
        return datapoint;
    }
}
