using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Amazon.Offline;

/// <summary>
/// Sends one request of an XML-answering protocol (AWS Query, as RDS speaks it; REST-XML, as Route 53 does) and reads
/// the answer: the document on 2xx; otherwise the <c>ErrorResponse/Error</c> element's <c>Code</c>, <c>Message</c> and
/// <c>Type</c> (Sender or Receiver; without one, the status decides) (both protocols answer errors this way), as the
/// service's exception. Element names are matched without their namespace, as the SDK's unmarshallers do. Linked into
/// each offline AWSSDK project that speaks XML.
/// </summary>
internal sealed record AwsXml(string Service, AwsErrorFactory Error)
{
    private static readonly HttpClient Http = new();

    public async Task<XElement> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var root = Parse(text);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() ?? "" : "";
        if (response.IsSuccessStatusCode)
        {
            return root ?? throw Error("", $"{Service} {operation} answered HTTP {(int)response.StatusCode} with a body that is not XML",
                ErrorType.Unknown, requestId, response.StatusCode);
        }

        var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = Child(error, "Code") ?? "";
        var message = Child(error, "Message") ?? $"{Service} {operation} answered HTTP {(int)response.StatusCode}{(code.Length > 0 ? $" ({code})" : "")}";
        var type = Child(error, "Type") switch
        {
            "Sender" => ErrorType.Sender,
            "Receiver" => ErrorType.Receiver,
            _ => (int)response.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender,
        };
        return Fail(code, message, type, Child(root, "RequestId") ?? requestId, response.StatusCode);
    }

    /// <summary>The text of the child element named <paramref name="name"/> (any namespace); null when absent.</summary>
    public static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The child element named <paramref name="name"/> (any namespace); null when absent.</summary>
    public static XElement? Element(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private XElement Fail(string code, string message, ErrorType type, string requestId, HttpStatusCode status) =>
        throw Error(code, message, type, requestId, status);

    private static XElement? Parse(string text)
    {
        try
        {
            return XDocument.Parse(text).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
