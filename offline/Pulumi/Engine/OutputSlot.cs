using System.Collections.Immutable;
using System.Reflection;

namespace Pulumi.Engine
{
    /// <summary>An [Output] property of a resource, waiting for the registration to fill it.</summary>
    internal interface IOutputSlot
    {
        string Name { get; }
        void Resolve(object? value, bool isKnown, bool isSecret, Resource resource);
        void Fail(Exception error);
    }

    internal sealed class OutputSlot<T> : IOutputSlot
    {
        private readonly TaskCompletionSource<OutputData<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; }

        public OutputSlot(string name) => Name = name;

        public Output<T> Output => new(_completion.Task);

        public void Resolve(object? value, bool isKnown, bool isSecret, Resource resource)
        {
            var typed = (T)Deserializer.Convert(value, typeof(T), $"{resource.GetResourceType()}.{Name}")!;
            _completion.TrySetResult(new OutputData<T>(typed, isKnown, isSecret, ImmutableHashSet.Create(resource)));
        }

        public void Fail(Exception error) => _completion.TrySetException(error);
    }

    internal static class OutputSlots
    {
        /// <summary>Creates a slot for every [Output] property of the resource and assigns its output to the property.</summary>
        public static List<IOutputSlot> AttachAll(Resource resource)
        {
            var slots = new List<IOutputSlot>();
            for (var type = resource.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    var attribute = property.GetCustomAttribute<OutputAttribute>();
                    if (attribute is null || resource is Stack && type != typeof(Resource)) continue;
                    var valueType = property.PropertyType.GetGenericArguments()[0];
                    var slot = (IOutputSlot)Activator.CreateInstance(typeof(OutputSlot<>).MakeGenericType(valueType), attribute.Name ?? property.Name)!;
                    property.SetValue(resource, slot.GetType().GetProperty(nameof(Output))!.GetValue(slot));
                    slots.Add(slot);
                }
            }
            return slots;
        }
    }
}
