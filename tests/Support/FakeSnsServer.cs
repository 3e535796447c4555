using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TestSupport;

/// <summary>
/// An SNS stand-in on 127.0.0.1 for Publish to a topic, speaking AWS Query (form-encoded POST /, Version 2010-03-31)
/// with XML answers. It fails as SNS does: NotFound (404) for a topic that does not exist, AuthorizationError (403) for
/// a topic the caller may not publish to, KMSAccessDenied (400) for an encrypted topic whose key the caller may not use,
/// InvalidParameter (400) for a missing TopicArn, an empty or over-256-KB Message, or a Subject that is not ASCII text
/// of under 100 characters without line breaks or control characters that begins with a letter, number or punctuation
/// mark (the model's constraint on Subject), InvalidAction for another action and MissingParameter without the Version.
/// Every request's form is recorded; every accepted message is kept.
/// </summary>
internal sealed class FakeSnsServer : IDisposable
{
    private const string Ns = "http://sns.amazonaws.com/doc/2010-03-31/";
    private const int MaxMessageBytes = 262144;
    private const int SubjectLimit = 100;
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private readonly ConcurrentQueue<(string TopicArn, string? Subject, string Message)> _published = new();

    private FakeSnsServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>The topics that exist, by ARN.</summary>
    public ConcurrentDictionary<string, byte> Topics { get; } = new();

    /// <summary>Topics whose policy (or the caller's) denies sns:Publish.</summary>
    public ConcurrentDictionary<string, byte> PublishDenied { get; } = new();

    /// <summary>Encrypted topics whose KMS key the caller may not use through SNS.</summary>
    public ConcurrentDictionary<string, byte> KeyDenied { get; } = new();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    public IReadOnlyList<(string TopicArn, string? Subject, string Message)> Published => [.. _published];

    public static FakeSnsServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeSnsServer(listener, port);
    }

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private Task AnswerAsync(HttpListenerContext context) =>
        LoopbackHttpListener.AnswerQueryAsync(context, _requests.Enqueue, form => Answer(context.Request.HttpMethod, form));

    private (int, string) Answer(string method, Dictionary<string, string> form)
    {
        if (!form.TryGetValue("Version", out var version) || version != "2010-03-31") return Error(400, "MissingParameter", "The request must contain the parameter Version");
        if (method != "POST" || form.GetValueOrDefault("Action") != "Publish") return Error(400, "InvalidAction", $"Could not find operation {form.GetValueOrDefault("Action")}");
        if (!form.TryGetValue("TopicArn", out var topic)) return Error(400, "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        var message = form.GetValueOrDefault("Message") ?? "";
        if (message.Length == 0) return Error(400, "InvalidParameter", "Invalid parameter: Empty message");
        if (Encoding.UTF8.GetByteCount(message) > MaxMessageBytes) return Error(400, "InvalidParameter", "Invalid parameter: Message too long");
        if (form.TryGetValue("Subject", out var subject) && !SubjectAllowed(subject)) return Error(400, "InvalidParameter", "Invalid parameter: Subject");
        if (!Topics.ContainsKey(topic)) return Error(404, "NotFound", "Topic does not exist");
        if (PublishDenied.ContainsKey(topic)) return Error(403, "AuthorizationError", $"User is not authorized to perform: SNS:Publish on resource: {topic}");
        if (KeyDenied.ContainsKey(topic)) return Error(400, "KMSAccessDenied", "User is not authorized to perform: kms:GenerateDataKey on the topic's key (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)");

        _published.Enqueue((topic, subject, message));
        var id = Guid.NewGuid().ToString();
        return (200, $"<PublishResponse xmlns=\"{Ns}\"><PublishResult><MessageId>{id}</MessageId></PublishResult><ResponseMetadata><RequestId>r-sns</RequestId></ResponseMetadata></PublishResponse>");
    }

    private static bool SubjectAllowed(string subject) =>
        subject.Length is > 0 and < SubjectLimit
        && subject.All(c => c is >= ' ' and <= '~')
        && (char.IsAsciiLetterOrDigit(subject[0]) || char.IsPunctuation(subject[0]) || char.IsSymbol(subject[0]));

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{WebUtility.HtmlEncode(message)}</Message></Error><RequestId>r-sns</RequestId></ErrorResponse>");
}
