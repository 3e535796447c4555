namespace Infra.Stacks.Settings;

// The small closed vocabularies of the stack files. Each enum's YAML spelling is given by
// ConfigEnums so binding and messages agree on one list.

/// <summary>Which kind of environment a stack is; production gets the stricter defaults.</summary>
public enum StackEnvironment { Staging, Production }

/// <summary>The two colors of a blue/green service.</summary>
public enum Color { Blue, Green }

/// <summary>CPU architecture of a Fargate task.</summary>
public enum CpuArchitecture { X86_64, Arm64 }

/// <summary>One NAT gateway for the whole VPC, or one per availability zone.</summary>
public enum NatGatewayMode { Single, PerAz }

/// <summary>How alerts reach Slack: our relay Lambda, or AWS Chatbot.</summary>
public enum SlackMode { Lambda, Chatbot }

/// <summary>Alarm severities; each has its own SNS topic.</summary>
public enum Severity { Critical, High, Medium, Low }

/// <summary>What a rollout does when a gate alarm reports INSUFFICIENT_DATA.</summary>
public enum InsufficientDataPolicy { Ok, Fail }

/// <summary>What a rollout step does when its canary analysis stays inconclusive (too few requests).</summary>
public enum InconclusivePolicy { Fail, Pause }

/// <summary>
/// Where the runner smoke-tests the idle color: through the production listener with the secret preview header
/// (reachable from wherever the runner runs), or through the test listener (reachable only from its CIDRs).
/// </summary>
public enum SmokeVia { PreviewHeader, TestListener }
