using Infra.Components.Functions;
using Infra.Components.Observability;

namespace Infra.Tests.Components.Observability;

public class AlertingHelpersTests
{
    [Fact]
    public void Relay_source_is_found_from_a_folder_below_the_repository()
    {
        var found = LambdaSource.SlackRelay.Find([Path.Combine(RepoPaths.Root, "infra")]);

        Assert.Equal(Path.Combine(RepoPaths.Root, "components", "assets", "slack-relay", "src"), found);
        Assert.True(File.Exists(Path.Combine(found, "index.mjs")));
    }

    [Fact]
    public void The_source_hash_changes_with_any_file_and_only_then()
    {
        var folder = Directory.CreateTempSubdirectory("relay-hash").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "index.mjs"), "export const handler = () => 1;");
            Directory.CreateDirectory(Path.Combine(folder, "lib"));
            File.WriteAllText(Path.Combine(folder, "lib", "post.mjs"), "export const post = 1;");
            var first = LambdaSource.Hash(folder);

            Assert.Equal(first, LambdaSource.Hash(folder));
            File.WriteAllText(Path.Combine(folder, "lib", "post.mjs"), "export const post = 2;");
            Assert.NotEqual(first, LambdaSource.Hash(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Relay_source_outside_the_repository_names_the_folders_searched()
    {
        var outside = Path.GetPathRoot(RepoPaths.Root)!;

        var error = Assert.Throws<DirectoryNotFoundException>(() => LambdaSource.SlackRelay.Find([outside]));
        Assert.Equal($"the Slack relay source 'components/assets/slack-relay/src' was not found in or above {outside}; " +
                     "run the program from the repository", error.Message);
    }

    [Theory]
    [InlineData("infra:alerting.slackWebhookUrl", "infra", "alerting", new[] { "slackWebhookUrl" })]
    [InlineData("infra:token", "infra", "token", new string[0])]
    public void Secret_key_path_splits_into_namespace_key_and_path(string keyPath, string ns, string key, string[] path)
    {
        var (actualNamespace, actualKey, actualPath) = SecretConfig.Split(keyPath);

        Assert.Equal((ns, key), (actualNamespace, actualKey));
        Assert.Equal(path, actualPath);
    }
}
