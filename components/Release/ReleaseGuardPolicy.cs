using Infra.Components.Iam;

namespace Infra.Components.Release;

/// <summary>The ARNs the guard's role may touch, all of this stack, as plain values.</summary>
/// <param name="ListenerArns">The listeners whose default action carries a service's weights.</param>
/// <param name="RuleArns">The listener rules that carry the other services' weights.</param>
/// <param name="LedgerKeyArn">The ledger table's KMS key (DynamoDB decrypts the table's key with it on the caller's behalf).</param>
/// <param name="CriticalTopicKeyArn">The KMS key of the critical topic (SNS encrypts a published message with it).</param>
public sealed record GuardResources(
    string Region,
    string Stack,
    IReadOnlyList<string> ListenerArns,
    IReadOnlyList<string> RuleArns,
    string LedgerTableArn,
    string LedgerKeyArn,
    string CriticalTopicArn,
    string CriticalTopicKeyArn,
    string DeadLetterQueueArn,
    string LogGroupArn);

/// <summary>
/// What the release guard's role may do, and nothing more: change the forward action of this stack's weights
/// listeners and rules, read and write only this stack's items of its ledger, page the critical topic, hand a failed
/// event to its dead-letter queue, and write its own logs. No action or resource is a wildcard.
/// </summary>
public static class ReleaseGuardPolicy
{
    public static PolicyDocument For(GuardResources r)
    {
        var statements = new List<PolicyStatement>();
        if (r.ListenerArns.Count > 0)
            statements.Add(new PolicyStatement("FlipWeightsListeners", ["elasticloadbalancing:ModifyListener"], r.ListenerArns));
        if (r.RuleArns.Count > 0)
            statements.Add(new PolicyStatement("FlipWeightsRules", ["elasticloadbalancing:ModifyRule"], r.RuleArns));
        statements.Add(new PolicyStatement("ReadWriteThisStacksLedgerItems",
            ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"], [r.LedgerTableArn])
        {
            // Every item of a stack lives under the partition key = the stack name (LedgerTable).
            Conditions = [new PolicyCondition("ForAllValues:StringEquals", "dynamodb:LeadingKeys", [r.Stack])],
        });
        statements.Add(new PolicyStatement("UseLedgerKeyThroughDynamoDB", ["kms:Decrypt"], [r.LedgerKeyArn])
        {
            Conditions = [ViaService("dynamodb", r.Region)],
        });
        statements.Add(new PolicyStatement("PageCriticalTopic", ["sns:Publish"], [r.CriticalTopicArn]));
        statements.Add(new PolicyStatement("UseCriticalTopicKeyThroughSns", ["kms:GenerateDataKey", "kms:Decrypt"], [r.CriticalTopicKeyArn])
        {
            Conditions = [ViaService("sns", r.Region)],
        });
        statements.Add(new PolicyStatement("SendFailedEventsToOwnQueue", ["sqs:SendMessage"], [r.DeadLetterQueueArn]));
        // The log group exists before the function, so no logs:CreateLogGroup.
        statements.Add(new PolicyStatement("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{r.LogGroupArn}:*"]));
        return new PolicyDocument(statements);
    }

    // The key may be used only by that service, on the guard's behalf, in the stack's region.
    private static PolicyCondition ViaService(string service, string region) =>
        new("StringEquals", "kms:ViaService", [$"{service}.{region}.amazonaws.com"]);
}
