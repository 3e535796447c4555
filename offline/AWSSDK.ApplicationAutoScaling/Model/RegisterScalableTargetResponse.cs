namespace Amazon.ApplicationAutoScaling.Model;

/// <summary>RegisterScalableTarget's answer; nothing of it is read here.</summary>
public class RegisterScalableTargetResponse
{
}
