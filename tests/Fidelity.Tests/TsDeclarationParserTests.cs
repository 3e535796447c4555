using Fidelity.Tests.Typings;

namespace Fidelity.Tests;

public class TsDeclarationParserTests
{
    private const string ResourceFile = """
        import * as pulumi from "@pulumi/pulumi";
        /**
         * A resource. Example: `{ braces: "in a comment" }` // not code
         */
        export declare class Vpc extends pulumi.CustomResource {
            static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VpcState, opts?: pulumi.CustomResourceOptions): Vpc;
            static isInstance(obj: any): obj is Vpc;
            /** ARN of VPC. */
            readonly arn: pulumi.Output<string>;
            readonly tags: pulumi.Output<{
                [key: string]: string;
            } | undefined>;
            constructor(name: string, args?: VpcArgs, opts?: pulumi.CustomResourceOptions);
        }
        export interface VpcArgs {
            cidrBlock?: pulumi.Input<string | undefined>;
            "quoted-name": pulumi.Input<number>;
        }
        export declare function getVpc(args?: GetVpcArgs, opts?: pulumi.InvokeOptions): Promise<GetVpcResult>;
        export type Mode = (typeof Mode)[keyof typeof Mode];
        export declare const Mode: {
            readonly Fast: "fast";
            readonly Slow: "slow";
        };
        export declare namespace ec2 {
            interface SecurityGroupIngress {
                fromPort: pulumi.Input<number>;
            }
            namespace inner {
                interface Deep {
                    x?: string;
                }
            }
        }
        """;

    private static readonly TsDeclarationSet Parsed = TsDeclarationParser.Parse(ResourceFile, "ec2/vpc.d.ts");

    [Fact]
    public void A_class_keeps_its_properties_and_drops_statics_and_the_constructor()
    {
        var vpc = Parsed.Find("Vpc")!;

        Assert.Equal("class", vpc.Kind);
        Assert.Equal(
            ["readonly arn: pulumi.Output<string>", "readonly tags: pulumi.Output<{ [key: string]: string; } | undefined>"],
            vpc.Members.Select(m => m.Text));
    }

    [Fact]
    public void Interface_members_record_optionality_and_quoted_names()
    {
        var args = Parsed.Find("VpcArgs")!;

        Assert.Equal(new TsMember("cidrBlock", true, false, "pulumi.Input<string | undefined>"), args.Member("cidrBlock"));
        Assert.Equal(new TsMember("quoted-name", false, false, "pulumi.Input<number>"), args.Member("quoted-name"));
    }

    [Fact]
    public void Const_objects_hold_enum_values()
    {
        Assert.Equal(["Fast: \"fast\"", "Slow: \"slow\""], Parsed.Find("Mode")!.Members.Select(m => $"{m.Name}: {m.TypeText}"));
    }

    [Fact]
    public void Namespaced_interfaces_are_qualified_by_their_namespaces()
    {
        Assert.Equal("fromPort", Assert.Single(Parsed.Find("ec2.SecurityGroupIngress")!.Members).Name);
        Assert.Equal("x", Assert.Single(Parsed.Find("ec2.inner.Deep")!.Members).Name);
        Assert.Equal(["Vpc", "VpcArgs", "Mode", "ec2.SecurityGroupIngress", "ec2.inner.Deep"], Parsed.All.Select(d => d.QualifiedName));
    }
}
