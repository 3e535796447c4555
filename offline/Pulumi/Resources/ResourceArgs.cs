namespace Pulumi
{
    /// <summary>Base of every resource's argument class: properties marked [Input] are sent to the engine.</summary>
    public abstract class InputArgs
    {
    }

    public abstract class ResourceArgs : InputArgs
    {
        public static readonly ResourceArgs Empty = new EmptyResourceArgs();

        private sealed class EmptyResourceArgs : ResourceArgs
        {
        }
    }
}
