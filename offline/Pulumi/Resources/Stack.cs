using System.Reflection;

namespace Pulumi
{
    /// <summary>The root of a deployment; public [Output] properties of a derived stack become its outputs.</summary>
    public class Stack : ComponentResource
    {
        internal const string RootTypeName = "pulumi:pulumi:Stack";

        public Stack(StackOptions? options = null)
            : base(RootTypeName, $"{Deployment.CurrentRun.ProjectName}-{Deployment.CurrentRun.StackName}",
                new ComponentResourceOptions { ResourceTransformations = options?.ResourceTransformations ?? new List<ResourceTransformation>() })
        {
            Deployment.CurrentRun.Stack = this;
        }

        /// <summary>Collects the [Output] properties of the derived class once its constructor has run.</summary>
        internal IDictionary<string, object?> CollectPropertyOutputs()
        {
            var outputs = new Dictionary<string, object?>();
            foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                var attribute = property.GetCustomAttribute<OutputAttribute>();
                if (attribute is null || property.DeclaringType == typeof(Resource)) continue;
                var value = property.GetValue(this)
                    ?? throw new RunException($"Output(s) '{property.Name}' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.");
                outputs[attribute.Name ?? property.Name] = value;
            }
            return outputs;
        }
    }
}
