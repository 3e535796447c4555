using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;

namespace TestSupport;

/// <summary>
/// An Elastic Load Balancing v2 stand-in on 127.0.0.1 (a port the OS picks) for ModifyListener and ModifyRule, and
/// DescribeListeners and DescribeRules of one ARN each (the listener's default action or the rule's actions as kept),
/// speaking AWS Query as the service does: a form-encoded POST in, XML out. The test declares the listeners, rules and
/// target groups that exist; the server keeps each one's forward action and answers as the service does: the changed
/// resource, ListenerNotFound / RuleNotFound / TargetGroupNotFound (HTTP 400) for an ARN it does not hold,
/// ValidationError for a missing ARN or a weight outside 0..999, AccessDenied (HTTP 403) while access is denied,
/// InvalidAction for another operation and a missing or wrong Version. Every request is recorded, parsed.
/// </summary>
internal sealed class FakeElbv2Server : IDisposable
{
    public const string Version = "2015-12-01";
    private const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, IReadOnlyList<ForwardTarget>> _forwards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _targetGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ElbRequest> _requests = new();
    private readonly Task _serving;
    private volatile bool _accessDenied;

    private FakeElbv2Server(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the value for AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<ElbRequest> Requests => [.. _requests];

    public static FakeElbv2Server Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeElbv2Server(listener, port);
    }

    /// <summary>A listener or rule (by its ARN: <c>…:listener/…</c> or <c>…:listener-rule/…</c>) forwarding to <paramref name="targets"/>, which exist.</summary>
    public void Declare(string arn, params ForwardTarget[] targets)
    {
        foreach (var target in targets) _targetGroups[target.TargetGroupArn] = true;
        _forwards[arn] = targets;
    }

    /// <summary>The forward action the listener or rule holds now.</summary>
    public IReadOnlyList<ForwardTarget> ForwardOf(string arn) => _forwards[arn];

    /// <summary>While true, every call fails as it does for a caller without elasticloadbalancing:Modify*.</summary>
    public void DenyAccess(bool denied) => _accessDenied = denied;

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var form = Parse(body);
        var request = new ElbRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "",
            form.GetValueOrDefault("Action", ""), form.GetValueOrDefault("Version", ""),
            form.GetValueOrDefault("ListenerArn") ?? form.GetValueOrDefault("RuleArn")
                ?? form.GetValueOrDefault("ListenerArns.member.1") ?? form.GetValueOrDefault("RuleArns.member.1") ?? "", form);
        _requests.Enqueue(request);
        var (status, xml) = Answer(request);
        var bytes = Encoding.UTF8.GetBytes(xml);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, string Xml) Answer(ElbRequest request)
    {
        if (request.Method != "POST" || request.Path != "/" || !request.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
            return Error(400, "InvalidAction", $"no operation for {request.Method} {request.Path} ({request.ContentType})");
        if (request.Action is not ("ModifyListener" or "ModifyRule" or "DescribeListeners" or "DescribeRules") || request.Version != Version)
            return Error(400, "InvalidAction", $"The action {request.Action} is not valid for this web service (version '{request.Version}').");
        if (request.Action.StartsWith("Describe", StringComparison.Ordinal)) return Describe(request);
        var (arnName, actionsName, notFound) = request.Action == "ModifyListener"
            ? ("ListenerArn", "DefaultActions", "ListenerNotFound")
            : ("RuleArn", "Actions", "RuleNotFound");
        if (request.Arn.Length == 0)
            return Error(400, "ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(arnName[0])}{arnName[1..]}' failed to satisfy constraint: Member must not be null");
        if (_accessDenied)
            return Error(403, "AccessDenied",
                $"User: arn:aws:sts::123456789012:assumed-role/infra-runner/ci is not authorized to perform: elasticloadbalancing:{request.Action} on resource: {request.Arn} because no identity-based policy allows the elasticloadbalancing:{request.Action} action");
        if (!_forwards.ContainsKey(request.Arn))
            return Error(400, notFound, request.Action == "ModifyListener" ? "One or more listeners not found" : "One or more rules not found");
        var targets = request.Targets(actionsName);
        if (request.Form.GetValueOrDefault($"{actionsName}.member.1.Type") != "forward" || targets.Count == 0)
            return Error(400, "ValidationError", $"{actionsName}: expected one forward action with target groups");
        if (targets.FirstOrDefault(t => t.Weight is < 0 or > 999) is { } bad)
            return Error(400, "ValidationError", $"1 validation error detected: Value '{bad.Weight}' at 'weight' failed to satisfy constraint: Member must have value less than or equal to 999");
        if (targets.FirstOrDefault(t => !_targetGroups.ContainsKey(t.TargetGroupArn)) is { } missing)
            return Error(400, "TargetGroupNotFound", $"Target groups '{missing.TargetGroupArn}' not found");
        _forwards[request.Arn] = targets;
        var result = request.Action == "ModifyListener"
            ? $"<Listeners><member><ListenerArn>{Escape(request.Arn)}</ListenerArn></member></Listeners>"
            : $"<Rules><member><RuleArn>{Escape(request.Arn)}</RuleArn></member></Rules>";
        return (200, $"<{request.Action}Response xmlns=\"{Namespace}\"><{request.Action}Result>{result}</{request.Action}Result>" +
            $"<ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{request.Action}Response>");
    }

    /// <summary>The listener's default action or the rule's actions: one forward action with its weighted target groups.</summary>
    private (int Status, string Xml) Describe(ElbRequest request)
    {
        var (list, item, actions, notFound, kind) = request.Action == "DescribeListeners"
            ? ("Listeners", "ListenerArn", "DefaultActions", "ListenerNotFound", ":listener/")
            : ("Rules", "RuleArn", "Actions", "RuleNotFound", ":listener-rule/");
        if (_accessDenied)
            return Error(403, "AccessDenied",
                $"User: arn:aws:sts::123456789012:assumed-role/infra-runner/ci is not authorized to perform: elasticloadbalancing:{request.Action} because no identity-based policy allows the elasticloadbalancing:{request.Action} action");
        if (!request.Arn.Contains(kind, StringComparison.Ordinal) || !_forwards.TryGetValue(request.Arn, out var targets))
            return Error(400, notFound, request.Action == "DescribeListeners" ? "One or more listeners not found" : "One or more rules not found");
        var groups = string.Concat(targets.Select(t =>
            $"<member><TargetGroupArn>{Escape(t.TargetGroupArn)}</TargetGroupArn><Weight>{t.Weight ?? 1}</Weight></member>"));
        var result = $"<{list}><member><{item}>{Escape(request.Arn)}</{item}><{actions}><member><Type>forward</Type><Order>1</Order>" +
            $"<ForwardConfig><TargetGroups>{groups}</TargetGroups><TargetGroupStickinessConfig><Enabled>false</Enabled></TargetGroupStickinessConfig></ForwardConfig>" +
            $"</member></{actions}></member></{list}>";
        return (200, $"<{request.Action}Response xmlns=\"{Namespace}\"><{request.Action}Result>{result}</{request.Action}Result>" +
            $"<ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{request.Action}Response>");
    }

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{Escape(message)}</Message></Error>" +
            $"<RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>");

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static Dictionary<string, string> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => WebUtility.UrlDecode(kv[0]), kv => kv.Length > 1 ? WebUtility.UrlDecode(kv[1]) : "", StringComparer.Ordinal);
}

/// <summary>One target group of a forward action and its weight (null when the request sent none).</summary>
internal sealed record ForwardTarget(string TargetGroupArn, int? Weight);

/// <summary>A request as the fake load balancer received it: the operation, the listener or rule ARN and every form field.</summary>
internal sealed record ElbRequest(string Method, string Path, string ContentType, string Action, string Version, string Arn, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>The first action's forward target groups, in the order sent.</summary>
    public IReadOnlyList<ForwardTarget> Targets(string actionsName)
    {
        var targets = new List<ForwardTarget>();
        for (var n = 1; Form.TryGetValue($"{actionsName}.member.1.ForwardConfig.TargetGroups.member.{n}.TargetGroupArn", out var arn); n++)
        {
            var weight = Form.TryGetValue($"{actionsName}.member.1.ForwardConfig.TargetGroups.member.{n}.Weight", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            targets.Add(new ForwardTarget(arn, weight));
        }

        return targets;
    }
}
