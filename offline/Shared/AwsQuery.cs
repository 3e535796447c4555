using System.Xml.Linq;

namespace Amazon.Offline;

/// <summary>
/// AWS Query, as the RDS and Elastic Load Balancing v2 service models define it ("protocol":"query"): a form-encoded
/// POST / of <c>Action</c>, <c>Version</c> and the request's members by their wire names, members that are null left
/// out as the real marshallers skip unset members; the answer is <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…</c>,
/// an error as <see cref="AwsXml"/> reads it. Linked into each offline AWSSDK project that speaks it.
/// </summary>
internal sealed record AwsQuery(string Version, AwsXml Xml)
{
    /// <summary>The answer's whole document and its <c>&lt;ActionResult&gt;</c> element (null when it has none).</summary>
    public async Task<(XElement Answer, XElement? Result)> CallAsync(
        Uri endpoint, string action, IEnumerable<(string Name, string? Value)> members, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", Version) };
        form.AddRange(members.Where(m => m.Value is not null).Select(m => KeyValuePair.Create(m.Name, m.Value!)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/")) { Content = new FormUrlEncodedContent(form) };
        var answer = await Xml.SendAsync(request, action, cancellationToken);
        return (answer, AwsXml.Element(answer, $"{action}Result"));
    }
}
