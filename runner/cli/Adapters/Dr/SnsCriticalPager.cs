using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.SimpleNotificationService;
using Amazon.SimpleNotificationService.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Publishes each critical notification to the stack's critical SNS topic in the DR region (the stack output
/// <c>dr.criticalTopicArn</c>), where the pager and SMS numbers are subscribed as well: that region answers when the
/// primary is gone. A stack whose outputs have no topic (last updated by an older program) and a publish that fails
/// are a failed page saying why, for the report: never a failed command. Messages are journaled DR texts: no secrets.
/// A publish is cancelled at <paramref name="callLimit"/>, so a page reported as failed does not arrive later.
/// </summary>
public sealed class SnsCriticalPager(Func<string, IAmazonSimpleNotificationService> clientFor, string? topicArn, SdkCallLimit callLimit) : INotifier
{
    public const string OutputPath = "dr.criticalTopicArn";

    /// <summary>The model's Subject limit is "less than 100 characters".</summary>
    public const int MaxSubjectLength = 99;

    private const string SubjectPrefix = "CRITICAL: ";

    public static IAmazonSimpleNotificationService ClientFor(string region) => new AmazonSimpleNotificationServiceClient(RegionEndpoint.GetBySystemName(region));

    /// <summary>The DR region's critical topic from the stack outputs; null when the output is missing or empty.</summary>
    public static string? TopicArnIn(JsonObject outputs) =>
        outputs["dr"]?["criticalTopicArn"] is JsonValue value && value.TryGetValue<string>(out var arn) && arn.Length > 0 ? arn : null;

    public async Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        // The topic wakes people (pager, SMS). Only a critical notification asks someone to act now; the others (a
        // fail-back that went well, a drill within its targets) reach Slack only.
        if (severity != NotificationSeverity.Critical) return;
        if (topicArn is null)
        {
            throw new InvalidOperationException(
                $"not published: the stack has no output {OutputPath} (last updated by an older program); run a full update with this version of the program");
        }

        var region = RegionOf(topicArn);
        var client = clientFor(region);
        try
        {
            await callLimit.RunAsync(t => client.PublishAsync(new PublishRequest { TopicArn = topicArn, Subject = Subject(message), Message = message }, t), cancellationToken);
        }
        catch (TimeoutException error)
        {
            throw new TimeoutException($"publishing to {topicArn} failed: SNS in {region} gave {error.Message}", error);
        }
        catch (NotFoundException)
        {
            throw new InvalidOperationException($"the topic {topicArn} does not exist (SNS NotFound); run a full update to declare it");
        }
        catch (AuthorizationErrorException)
        {
            throw new InvalidOperationException($"the runner's role may not publish to {topicArn} (SNS AuthorizationError); it needs sns:Publish on it");
        }
        catch (KMSAccessDeniedException)
        {
            throw new InvalidOperationException(
                $"SNS may not use the key of {topicArn} for the runner's role (SNS KMSAccessDenied); it needs kms:GenerateDataKey and kms:Decrypt on it through sns.{region}.amazonaws.com");
        }
        catch (AmazonServiceException error)
        {
            throw new InvalidOperationException($"publishing to {topicArn} failed: {error.ErrorCode}: {error.Message}");
        }
        finally
        {
            // The AWS SDK's client holds connections; the offline one has nothing to release. A page is sent once per command.
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// The e-mail subject SNS accepts: ASCII text without line breaks or control characters, under 100 characters,
    /// beginning with a letter (the prefix). Anything else in the message becomes a space or '?'; a longer one is cut with "...".
    /// </summary>
    public static string Subject(string message)
    {
        var text = new StringBuilder(SubjectPrefix);
        foreach (var c in message)
        {
            var ascii = char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c is > ' ' and <= '~' ? c : '?';
            if (ascii == ' ' && text[^1] == ' ') continue;
            text.Append(ascii);
        }

        var subject = text.ToString().TrimEnd();
        return subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 3)].TrimEnd() + "...";
    }

    /// <summary>The region of a topic ARN (<c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>), where it must be published.</summary>
    private static string RegionOf(string arn) =>
        arn.Split(':') is { Length: 6 } parts && parts[2] == "sns" && parts[3].Length > 0
            ? parts[3]
            : throw new InvalidOperationException($"the stack output {OutputPath} is '{arn}', not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
}
