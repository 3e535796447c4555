using System.Formats.Cbor;
using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch.Internal;

/// <summary>
/// GetMetricData over RPC v2 CBOR: the members the offline model declares, named as the service model names them
/// (MetricDataQueries of Id and MetricStat {Metric {Namespace, MetricName, Dimensions}, Period, Stat}; results by Id
/// with Timestamps and Values; NextToken), in the order the v4 marshallers write them.
/// </summary>
internal static class GetMetricDataWire
{
    public const string Operation = "GetMetricData";

    public static byte[] Request(GetMetricDataRequest request)
    {
        var writer = RpcV2Cbor.NewWriter();
        writer.WriteStartMap(null);
        RpcV2Cbor.WriteTimestamp(writer, "EndTime", request.EndTime);

        if (request.MetricDataQueries is { } queries)
        {
            writer.WriteTextString("MetricDataQueries");
            writer.WriteStartArray(queries.Count);
            foreach (var query in queries) WriteQuery(writer, query);
            writer.WriteEndArray();
        }

        RpcV2Cbor.WriteText(writer, "NextToken", request.NextToken);
        RpcV2Cbor.WriteTimestamp(writer, "StartTime", request.StartTime);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>As in SDK v4, lists the answer leaves out stay null.</summary>
    public static GetMetricDataResponse Response(CborReader reader)
    {
        var response = new GetMetricDataResponse();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            switch (name)
            {
                case "MetricDataResults": response.MetricDataResults = RpcV2Cbor.ReadList(reader, Result); return true;
                case "NextToken": response.NextToken = reader.ReadTextString(); return true;
                default: return false;
            }
        });
        return response;
    }

    private static void WriteQuery(CborWriter writer, MetricDataQuery query)
    {
        writer.WriteStartMap(null);
        RpcV2Cbor.WriteText(writer, "Id", query.Id);
        if (query.MetricStat is { } stat)
        {
            writer.WriteTextString("MetricStat");
            writer.WriteStartMap(null);
            if (stat.Metric is { } metric)
            {
                writer.WriteTextString("Metric");
                writer.WriteStartMap(null);
                RpcV2Cbor.WriteDimensions(writer, metric.Dimensions);
                RpcV2Cbor.WriteText(writer, "MetricName", metric.MetricName);
                RpcV2Cbor.WriteText(writer, "Namespace", metric.Namespace);
                writer.WriteEndMap();
            }

            RpcV2Cbor.WriteInt(writer, "Period", stat.Period);

            RpcV2Cbor.WriteText(writer, "Stat", stat.Stat);
            writer.WriteEndMap();
        }

        writer.WriteEndMap();
    }

    private static MetricDataResult Result(CborReader reader)
    {
        var result = new MetricDataResult();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            switch (name)
            {
                case "Id": result.Id = reader.ReadTextString(); return true;
                case "Timestamps": result.Timestamps = RpcV2Cbor.ReadList(reader, RpcV2Cbor.ReadTimestamp); return true;
                case "Values": result.Values = RpcV2Cbor.ReadList(reader, RpcV2Cbor.ReadNumber); return true;
                default: return false;
            }
        });
        return result;
    }
}
