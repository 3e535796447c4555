using System.Globalization;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// GETs the target (with its Host header, if any) until it answers 2xx <see cref="SmokeCheckSettings.ConsecutiveSuccesses"/> times in a row,
/// or fails when <see cref="SmokeCheckSettings.Timeout"/> runs out. Any other status or a connection error resets the
/// run. A target on a preview route also carries the preview header, its value read once per check from
/// <paramref name="secrets"/>; the value goes only into that header, never into a result, message or log. Time is read
/// from and waited on through <see cref="TimeProvider"/>; the per-request timeout is the HttpClient's.
/// </summary>
public sealed class HttpSmokeCheck(HttpClient client, TimeProvider time, TimeSpan retryInterval, ISecretValueReader? secrets = null) : ISmokeCheck
{
    /// <summary>How many of the last answers a failure lists.</summary>
    private const int AnswersShown = 5;

    public async Task<SmokeCheckResult> RunAsync(SmokeTarget target, SmokeCheckSettings settings, CancellationToken cancellationToken)
    {
        string? previewValue = null;
        if (target.Preview is { } preview)
        {
            try
            {
                previewValue = secrets is null
                    ? throw new SecretReadException($"this command reads no secrets, so it cannot send the {preview.Name} header")
                    : await secrets.ReadAsync(preview.SecretArn, cancellationToken);
            }
            catch (SecretReadException error)
            {
                return new SmokeCheckResult(false, $"no request sent: the {preview.Name} header's value could not be read: {error.Message}");
            }
        }

        var start = time.GetUtcNow();
        var answers = new List<string>();
        var inARow = 0;
        while (true)
        {
            var answer = await GetAsync(target, previewValue, cancellationToken);
            answers.Add(answer.Text);
            inARow = answer.Succeeded ? inARow + 1 : 0;
            var elapsed = time.GetUtcNow() - start;
            if (inARow == settings.ConsecutiveSuccesses)
            {
                return new SmokeCheckResult(true,
                    $"{inARow} x 2xx in a row after {answers.Count} request(s) in {Seconds(elapsed)}");
            }

            if (elapsed + retryInterval > settings.Timeout)
            {
                return new SmokeCheckResult(false,
                    $"no {settings.ConsecutiveSuccesses} x 2xx in a row within {Seconds(settings.Timeout)} ({answers.Count} request(s)); " +
                    $"last answers: {string.Join(", ", answers.TakeLast(AnswersShown))}");
            }

            await Task.Delay(retryInterval, time, cancellationToken);
        }
    }

    private async Task<(bool Succeeded, string Text)> GetAsync(SmokeTarget target, string? previewValue, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
            request.Headers.Host = target.Host;
            if (target.Preview is { } preview && previewValue is not null)
                request.Headers.Add(preview.Name, previewValue);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            return (code is >= 200 and < 300, code.ToString(CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException error)
        {
            return (false, $"error ({error.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, "request timed out");
        }
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s";
}
