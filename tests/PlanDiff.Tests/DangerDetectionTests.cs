using System.Text.Json.Nodes;
using Infra.Runner.PlanDiff;

namespace PlanDiff.Tests;

/// <summary>Danger flags for edits of the base plan that have no fixture file of their own.</summary>
public class DangerDetectionTests
{
    private const string LoadBalancer = "urn:pulumi:production::infra::infra:alb:WeightedAlb$aws:lb/loadBalancer:LoadBalancer::web";
    private const string Key = "urn:pulumi:production::infra::infra:data:Database$aws:kms/key:Key::db-key";

    private static PlanDiffResult DiffEdit(Action<JsonObject> edit) =>
        PlanDiffer.CompareJson(PlanFixtures.Json("base"), PlanFixtures.EditedBase(edit));

    private static PlanDiffResult Diff(Action<JsonObject> editBase, Action<JsonObject> editHead) =>
        PlanDiffer.CompareJson(PlanFixtures.EditedBase(editBase), PlanFixtures.EditedBase(p => { editBase(p); editHead(p); }));

    [Fact]
    public void Removing_replicate_source_db_is_flagged_as_replica_promotion()
    {
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, PlanFixtures.Replica).Remove("replicateSourceDb"));

        Assert.Equal(
            [DangerKind.ReplicaPromotion, DangerKind.StatefulOrProtectedChange],
            diff.Dangers.Select(d => d.Kind));
        var promotion = diff.Dangers[0];
        Assert.Equal("replica promotion: replicateSourceDb removed", promotion.Title);
        Assert.Equal(["the replica stops replicating and becomes a standalone writer"], promotion.Notes);
        Assert.Equal([new PropertyChange("replicateSourceDb", "\"${aws:rds/instance:Instance::db.arn}\"", null)], promotion.Changes);
        Assert.Equal("protected stateful resource change (in place, no replacement)", diff.Dangers[1].Title);
        Assert.Equal(["RDS read replica: is the cross-region copy of the database"], diff.Dangers[1].Notes);
    }

    [Fact]
    public void A_force_new_property_on_a_stateful_resource_is_flagged_as_replacement_with_its_reason()
    {
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, PlanFixtures.Primary)["engine"] = "mysql");

        Assert.Equal(
            [
                ("forces replacement: engine", DangerKind.ForcesReplacement),
                ("protected stateful resource replacement", DangerKind.StatefulOrProtectedChange),
            ],
            diff.Dangers.Select(d => (d.Title, d.Kind)));
        Assert.Equal(
            ["the AWS provider replaces it when engine changes: the database engine of an existing instance cannot be changed"],
            diff.Dangers[0].Notes);
    }

    [Fact]
    public void Renaming_an_instance_is_a_stateful_change_in_place_not_a_replacement()
    {
        // The AWS provider renames RDS instances in place (ModifyDBInstance with a new identifier); the endpoint changes.
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, PlanFixtures.Primary)["identifier"] = "infra-production-db-renamed");

        Assert.Equal(
            [("protected stateful resource change (in place, no replacement)", DangerKind.StatefulOrProtectedChange)],
            diff.Dangers.Select(d => (d.Title, d.Kind)));
    }

    [Fact]
    public void A_kms_key_spec_change_forces_replacement_of_the_key()
    {
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, Key)["customerMasterKeySpec"] = "RSA_2048");

        Assert.Equal(
            ["forces replacement: customerMasterKeySpec", "stateful resource replacement"],
            diff.Dangers.Select(d => d.Title));
        Assert.Equal(
            [new PropertyChange("customerMasterKeySpec", null, "\"RSA_2048\"")],
            diff.Dangers[0].Changes);
    }

    [Fact]
    public void Turning_protect_off_is_a_change_of_a_protected_resource()
    {
        var diff = DiffEdit(p => PlanFixtures.Resource(p, PlanFixtures.Primary)["protect"] = false);

        var change = Assert.Single(diff.Changed);
        Assert.Empty(change.Inputs);
        Assert.Equal([new PropertyChange("protect", "true", "false")], change.Options);
        var flag = Assert.Single(diff.Dangers);
        Assert.Equal("protected stateful resource change (in place, no replacement)", flag.Title);
    }

    [Fact]
    public void Removing_a_protected_stateless_resource_is_flagged_as_removal_of_a_protected_resource()
    {
        var diff = Diff(
            p => PlanFixtures.Resource(p, LoadBalancer)["protect"] = true,
            p => p["resources"]!.AsArray().Remove(PlanFixtures.Resource(p, LoadBalancer)));

        var flag = Assert.Single(diff.Dangers);
        Assert.Equal("removal of protected resource", flag.Title);
        Assert.Equal(["protect: true — pulumi refuses to delete it until protect is turned off"], flag.Notes);
    }

    [Fact]
    public void Removing_a_stateless_unprotected_resource_is_not_dangerous()
    {
        var diff = DiffEdit(p => p["resources"]!.AsArray().Remove(PlanFixtures.Resource(p, PlanFixtures.GreenTask)));

        Assert.Single(diff.Removed);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Removing_a_subnet_from_a_network_load_balancer_forces_replacement()
    {
        var diff = Diff(
            p => PlanFixtures.Inputs(p, LoadBalancer)["loadBalancerType"] = "network",
            p => PlanFixtures.Inputs(p, LoadBalancer)["subnets"]!.AsArray().RemoveAt(1));

        var flag = Assert.Single(diff.Dangers);
        Assert.Equal("forces replacement: subnets", flag.Title);
        Assert.Equal(
            ["the AWS provider replaces it when subnets changes: a network load balancer's subnets can only be added to; removing or swapping one recreates it"],
            flag.Notes);
    }

    [Fact]
    public void Adding_a_subnet_to_a_network_load_balancer_is_an_update_in_place()
    {
        var diff = Diff(
            p => PlanFixtures.Inputs(p, LoadBalancer)["loadBalancerType"] = "network",
            p => PlanFixtures.Inputs(p, LoadBalancer)["subnets"]!.AsArray().Add("${aws:ec2/subnet:Subnet::public-c.id}"));

        Assert.Single(diff.Changed);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Removing_a_subnet_from_an_application_load_balancer_is_an_update_in_place()
    {
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, LoadBalancer)["subnets"]!.AsArray().RemoveAt(1));

        Assert.Equal([new PropertyChange("subnets[-1]", "\"${aws:ec2/subnet:Subnet::public-b.id}\"", null)], Assert.Single(diff.Changed).Inputs);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Reordered_target_groups_with_unchanged_weights_show_one_order_change_and_move_no_traffic()
    {
        var diff = DiffEdit(p => ReverseTargetGroups(p));

        Assert.Equal(
            [
                new PropertyChange(
                    "defaultActions[0].forward.targetGroups[order by arn]",
                    "[\"${aws:lb/targetGroup:TargetGroup::web-blue.arn}\",\"${aws:lb/targetGroup:TargetGroup::web-green.arn}\"]",
                    "[\"${aws:lb/targetGroup:TargetGroup::web-green.arn}\",\"${aws:lb/targetGroup:TargetGroup::web-blue.arn}\"]"),
            ],
            Assert.Single(diff.Changed).Inputs);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Weights_of_reordered_target_groups_are_matched_by_target_group()
    {
        var diff = DiffEdit(p =>
        {
            var groups = ReverseTargetGroups(p);
            groups[0]!["weight"] = 10;
            groups[1]!["weight"] = 90;
        });

        Assert.Equal(
            [
                new PropertyChange("defaultActions[0].forward.targetGroups[arn=${aws:lb/targetGroup:TargetGroup::web-blue.arn}].weight", "100", "90"),
                new PropertyChange("defaultActions[0].forward.targetGroups[arn=${aws:lb/targetGroup:TargetGroup::web-green.arn}].weight", "0", "10"),
                new PropertyChange(
                    "defaultActions[0].forward.targetGroups[order by arn]",
                    "[\"${aws:lb/targetGroup:TargetGroup::web-blue.arn}\",\"${aws:lb/targetGroup:TargetGroup::web-green.arn}\"]",
                    "[\"${aws:lb/targetGroup:TargetGroup::web-green.arn}\",\"${aws:lb/targetGroup:TargetGroup::web-blue.arn}\"]"),
            ],
            Assert.Single(diff.Changed).Inputs);
        var flag = Assert.Single(diff.Dangers);
        Assert.Equal(DangerKind.WeightsOutsideRunner, flag.Kind);
        Assert.Equal(
            [
                new PropertyChange("defaultActions[0].forward.targetGroups[1].weight", "100", "90", "web-blue"),
                new PropertyChange("defaultActions[0].forward.targetGroups[0].weight", "0", "10", "web-green"),
            ],
            flag.Changes);
    }

    [Fact]
    public void A_health_check_path_change_is_shown_by_its_nested_path()
    {
        var diff = DiffEdit(p => PlanFixtures.Inputs(p, PlanFixtures.BlueTargetGroup)["healthCheck"]!["path"] = "/ready");

        var change = Assert.Single(diff.Changed);
        Assert.Equal([new PropertyChange("healthCheck.path", "\"/healthz\"", "\"/ready\"")], change.Inputs);
        Assert.Empty(diff.Dangers);
    }

    [Fact]
    public void Plans_of_different_projects_and_stacks_report_both_problems()
    {
        var head = PlanFixtures.EditedBase(p =>
        {
            p["project"] = "other";
            p["stack"] = "staging";
        });

        var error = Assert.Throws<PlanDiffException>(() => PlanDiffer.CompareJson(PlanFixtures.Json("base"), head));

        Assert.Equal(
            [
                "cannot compare plans of different projects: base is 'infra', head is 'other'",
                "cannot compare plans of different stacks: base is 'production', head is 'staging'",
            ],
            error.Problems);
    }

    // The listener forwards to web-green first, then web-blue.
    private static JsonArray ReverseTargetGroups(JsonObject plan)
    {
        var groups = PlanFixtures.Inputs(plan, PlanFixtures.Listener)["defaultActions"]![0]!["forward"]!["targetGroups"]!.AsArray();
        var blue = groups[0]!;
        groups.RemoveAt(0);
        groups.Add(blue);
        return groups;
    }
}
