using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;

namespace Amazon.ElasticLoadBalancingV2.Internal;

/// <summary>
/// AWS Query, the protocol of the Elastic Load Balancing v2 service model (elasticloadbalancingv2-2015-12-01:
/// "protocol":"query"): POST / with a <c>application/x-www-form-urlencoded</c> body (see <see cref="QueryForm"/>), an
/// XML answer <c>&lt;OpResponse&gt;&lt;OpResult&gt;…</c>. An error is an HTTP 4xx/5xx whose body is
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
/// </summary>
internal static class QueryProtocol
{
    private static readonly HttpClient Http = new();

    /// <summary>Sends the form; returns the answer's <c>&lt;OpResult&gt;</c> element, or throws the service's error.</summary>
    public static async Task<XElement> CallAsync(Uri endpoint, QueryForm form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"))
        {
            Content = new FormUrlEncodedContent(form.Fields),
        };
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = Parse(text);
        if (!response.IsSuccessStatusCode) throw Error(response.StatusCode, body, form.Operation);
        return body?.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == $"{form.Operation}Result")
            ?? throw new AmazonElasticLoadBalancingV2Exception(
                $"Elastic Load Balancing {form.Operation} answered HTTP {(int)response.StatusCode} without a {form.Operation}Result element",
                null!, ErrorType.Unknown, "", RequestId(body), response.StatusCode);
    }

    private static XDocument? Parse(string text)
    {
        try
        {
            return XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    // Never echoes the request: a caller may log the message.
    private static AmazonElasticLoadBalancingV2Exception Error(HttpStatusCode status, XDocument? body, string operation)
    {
        var error = body?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = Child(error, "Code") ?? "";
        var message = Child(error, "Message")
            ?? $"Elastic Load Balancing {operation} answered HTTP {(int)status}{(code.Length > 0 ? $" ({code})" : "")}";
        var errorType = Child(error, "Type") switch
        {
            "Sender" => ErrorType.Sender,
            "Receiver" => ErrorType.Receiver,
            _ => (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender,
        };
        var requestId = RequestId(body);
        return code switch
        {
            "ListenerNotFound" => new ListenerNotFoundException(message, null!, errorType, code, requestId, status),
            "RuleNotFound" => new RuleNotFoundException(message, null!, errorType, code, requestId, status),
            _ => new AmazonElasticLoadBalancingV2Exception(message, null!, errorType, code, requestId, status),
        };
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string RequestId(XDocument? body) =>
        body?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? "";
}
