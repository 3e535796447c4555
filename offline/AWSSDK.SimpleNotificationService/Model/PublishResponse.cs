namespace Amazon.SimpleNotificationService.Model;

/// <summary>Publish's answer: the id SNS gave the message it accepted.</summary>
public class PublishResponse
{
    public string? MessageId { get; set; }
}
