using System.Net.Http.Headers;
using System.Xml.Linq;
using Amazon.Offline;
using Amazon.Route53.Model;

namespace Amazon.Route53;

/// <summary>
/// Offline Route 53 client. It speaks REST-XML as the real v4 client does (route53-2013-04-01: UpdateHealthCheck is
/// <c>POST /2013-04-01/healthcheck/{HealthCheckId}</c> with an <c>UpdateHealthCheckRequest</c> document) to the endpoint
/// override the real SDK honours (AWS_ENDPOINT_URL_ROUTE_53, then AWS_ENDPOINT_URL), on loopback only: it cannot sign
/// requests. Route 53 is global; the real client signs for us-east-1 whatever region it is given.
/// </summary>
public class AmazonRoute53Client
{
    private const string XmlNamespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    private static readonly LoopbackEndpoint Override = new("AWSSDK.Route53", "Route 53", "AWS_ENDPOINT_URL_ROUTE_53");

    private static readonly AwsXml Protocol = new("Route 53", (code, message, type, requestId, status) =>
        code == "NoSuchHealthCheck"
            ? new NoSuchHealthCheckException(message, null!, type, code, requestId, status)
            : new AmazonRoute53Exception(message, null!, type, code, requestId, status));

    public AmazonRoute53Client()
    {
    }

    public virtual async Task<UpdateHealthCheckResponse> UpdateHealthCheckAsync(UpdateHealthCheckRequest request, CancellationToken cancellationToken = default)
    {
        XNamespace ns = XmlNamespace;
        var document = new XElement(ns + "UpdateHealthCheckRequest");
        if (request.HealthThreshold is { } threshold) document.Add(new XElement(ns + "HealthThreshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var endpoint = Override.Require(null, "update a health check");
        using var message = new HttpRequestMessage(HttpMethod.Post,
            new Uri(endpoint, $"/2013-04-01/healthcheck/{Uri.EscapeDataString(request.HealthCheckId ?? "")}"))
        {
            Content = new StringContent("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document.ToString(SaveOptions.DisableFormatting)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        await Protocol.SendAsync(message, "UpdateHealthCheck", cancellationToken);
        return new UpdateHealthCheckResponse();
    }
}
