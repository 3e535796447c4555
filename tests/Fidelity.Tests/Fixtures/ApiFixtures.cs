// Fixture types for the PublicAPI renderer's own tests: each declares a feature the listing format must write
// exactly (defaults, params, out/ref, tuples, nullable values, operators, indexers, events, generics, modifiers).
#pragma warning disable CA1822, IDE0051, IDE0060 // fixtures exist for their signatures, not their bodies

namespace Fidelity.Tests.Fixtures.Api
{
    public class Widget
    {
        public Widget(string? name = null, int size = 3, bool visible = false)
        {
        }

        public const string Kind = "widget";
        public static readonly Widget Empty = new();
        public readonly int Version = 1;

        public string? Name { get; set; }
        public int? Size { get; private set; }
        public string Label { get; init; } = "";

        public string this[string key]
        {
            get => key;
            set { }
        }

        public event EventHandler? Changed
        {
            add { }
            remove { }
        }

        public void Rename(string name)
        {
        }

        public (string id, object state) Describe() => ("", new object());

        public bool TryParse(string text, out int value, ref int attempts)
        {
            value = attempts;
            return true;
        }

        public Task<int> WaitAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public void Tint(ConsoleColor color = ConsoleColor.Red)
        {
        }

        public override string ToString() => "";

        protected void Reset()
        {
        }

        internal void Hidden()
        {
        }

        private void Secret()
        {
        }

        public static implicit operator Widget(string name) => new(name);
    }

    public abstract class Shape<T>
    {
        protected Shape()
        {
        }

        public abstract T Area { get; }

        public virtual U Map<U>(Func<T, U> map) => map(Area);

        protected internal void Touch()
        {
        }

        private protected void Internal()
        {
        }

        public class Nested
        {
        }
    }

    public sealed class Square : Shape<double>
    {
        public override double Area => 1;
    }

    public static class WidgetExtensions
    {
        public static Widget Join(this Widget first, params Widget[] others) => first;
    }

    public enum Mode
    {
        Off = 0,
        On = 2,
    }

    public delegate void WidgetCallback(Widget widget);

    public interface IWidgetSource
    {
        string Name { get; }

        Task<Widget> GetAsync(string name);
    }

    public record Point(int X, int Y);
}
