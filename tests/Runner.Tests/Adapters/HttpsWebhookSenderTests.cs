using System.Text;
using Infra.Runner.Adapters;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>The HTTPS webhook sender against a real TLS server on 127.0.0.1 that checks the HMAC like a receiver would.</summary>
public sealed class HttpsWebhookSenderTests
{
    private const string Key = "test-webhook-key-4f1c";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"stack":"production","rolloutId":"r-1"}""");

    private static HttpsWebhookSender Sender(HttpsWebhookServer server, TimeProvider? time = null, string key = Key) =>
        new(_ => Task.FromResult(key), time ?? TimeProvider.System, server.Trust);

    [Fact]
    public async Task A_2xx_answer_succeeds_and_the_receiver_verifies_the_signature_of_the_exact_body()
    {
        await using var server = new HttpsWebhookServer(Key);
        using var sender = Sender(server);

        var response = await sender.PostAsync(server.Url("/ok"), Body, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((204, true), (response.StatusCode, response.Succeeded));
        var call = Assert.Single(server.Calls);
        Assert.Equal(("/ok", Encoding.UTF8.GetString(Body), true), (call.Path, call.Body, call.SignatureValid));
    }

    [Fact]
    public async Task A_body_signed_with_another_key_fails_the_receivers_check()
    {
        await using var server = new HttpsWebhookServer(Key);
        using var sender = Sender(server, key: "another-key");

        await sender.PostAsync(server.Url("/ok"), Body, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(Assert.Single(server.Calls).SignatureValid);
    }

    [Fact]
    public async Task A_redirect_is_the_answer_and_is_not_followed()
    {
        await using var server = new HttpsWebhookServer(Key);
        using var sender = Sender(server);

        var response = await sender.PostAsync(server.Url("/redirect"), Body, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((302, false, "HTTP 302 (redirects are not followed)"), (response.StatusCode, response.Succeeded, response.Describe(TimeSpan.FromSeconds(30))));
        Assert.Equal(["/redirect"], server.Calls.Select(c => c.Path));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_timeout()
    {
        await using var server = new HttpsWebhookServer(Key);
        var clock = new ManualClock();
        server.Hung = clock.RunOut;
        using var sender = Sender(server, clock);

        var response = await sender.PostAsync(server.Url("/hang"), Body, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal((null, true, "no answer within 5 s"), (response.StatusCode, response.TimedOut, response.Describe(TimeSpan.FromSeconds(5))));
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task Without_the_pinned_certificate_the_platforms_validation_refuses_the_self_signed_server()
    {
        await using var server = new HttpsWebhookServer(Key);
        using var sender = new HttpsWebhookSender(_ => Task.FromResult(Key), TimeProvider.System);

        var response = await sender.PostAsync(server.Url("/ok"), Body, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((null, false), (response.StatusCode, response.Succeeded));
        Assert.Equal("request failed: SecureConnectionError", response.Describe(TimeSpan.FromSeconds(30)));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task A_key_that_cannot_be_read_fails_the_call_without_sending_it()
    {
        await using var server = new HttpsWebhookServer(Key);
        using var sender = new HttpsWebhookSender(_ => throw new InvalidOperationException("configuration key not found"), TimeProvider.System, server.Trust);

        var response = await sender.PostAsync(server.Url("/ok"), Body, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal("request failed: the webhook key could not be read (InvalidOperationException)", response.Describe(TimeSpan.FromSeconds(30)));
        Assert.Empty(server.Calls);
    }
}
