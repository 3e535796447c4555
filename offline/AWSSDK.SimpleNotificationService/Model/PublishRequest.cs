namespace Amazon.SimpleNotificationService.Model;

/// <summary>Publish parameters used here: the topic, the e-mail subject (ASCII, under 100 characters, one line) and the text.</summary>
public class PublishRequest
{
    public string? TopicArn { get; set; }

    public string? Subject { get; set; }

    public string? Message { get; set; }
}
