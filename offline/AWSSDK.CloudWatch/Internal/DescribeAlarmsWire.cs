using System.Formats.Cbor;
using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch.Internal;

/// <summary>DescribeAlarms over RPC v2 CBOR: the members the offline model declares, as the v4 marshallers write and read them.</summary>
internal static class DescribeAlarmsWire
{
    public const string Operation = "DescribeAlarms";

    /// <summary>A member is written when it is set (a collection: not null, even when empty), as in SDK v4.</summary>
    public static byte[] Request(DescribeAlarmsRequest request)
    {
        var writer = RpcV2Cbor.NewWriter();
        writer.WriteStartMap(null);
        if (request.AlarmNames is { } names)
        {
            writer.WriteTextString("AlarmNames");
            writer.WriteStartArray(names.Count);
            foreach (var name in names) writer.WriteTextString(name);
            writer.WriteEndArray();
        }

        if (request.MaxRecords is { } maxRecords)
        {
            writer.WriteTextString("MaxRecords");
            writer.WriteInt32(maxRecords);
        }

        if (request.NextToken is { } nextToken)
        {
            writer.WriteTextString("NextToken");
            writer.WriteTextString(nextToken);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>As in SDK v4, <see cref="DescribeAlarmsResponse.MetricAlarms"/> stays null when the answer has none.</summary>
    public static DescribeAlarmsResponse Response(CborReader reader)
    {
        var response = new DescribeAlarmsResponse();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            switch (name)
            {
                case "MetricAlarms": response.MetricAlarms = RpcV2Cbor.ReadList(reader, Alarm); return true;
                case "NextToken": response.NextToken = reader.ReadTextString(); return true;
                default: return false;
            }
        });
        return response;
    }

    private static MetricAlarm Alarm(CborReader reader)
    {
        var alarm = new MetricAlarm();
        RpcV2Cbor.ReadMap(reader, name =>
        {
            switch (name)
            {
                case "AlarmName": alarm.AlarmName = reader.ReadTextString(); return true;
                case "StateValue": alarm.StateValue = StateValue.FindValue(reader.ReadTextString()); return true;
                default: return false;
            }
        });
        return alarm;
    }
}
