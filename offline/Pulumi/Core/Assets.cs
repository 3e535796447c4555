using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>Base of assets (single blobs) and archives (collections of them).</summary>
    public abstract class AssetOrArchive
    {
        internal string PropName { get; }
        internal object Value { get; }

        private protected AssetOrArchive(string propName, object value)
        {
            PropName = propName;
            Value = value;
        }
    }

    public abstract class Asset : AssetOrArchive
    {
        private protected Asset(string propName, object value) : base(propName, value)
        {
        }
    }

    public abstract class Archive : AssetOrArchive
    {
        private protected Archive(string propName, object value) : base(propName, value)
        {
        }
    }

    public sealed class StringAsset : Asset
    {
        public StringAsset(string text) : base("text", text)
        {
        }
    }

    public sealed class FileAsset : Asset
    {
        public FileAsset(string path) : base("path", path)
        {
        }
    }

    public sealed class RemoteAsset : Asset
    {
        public RemoteAsset(string uri) : base("uri", uri)
        {
        }
    }

    public sealed class FileArchive : Archive
    {
        public FileArchive(string path) : base("path", path)
        {
        }
    }

    public sealed class RemoteArchive : Archive
    {
        public RemoteArchive(string uri) : base("uri", uri)
        {
        }
    }

    /// <summary>An archive built from named assets and archives.</summary>
    public sealed class AssetArchive : Archive
    {
        public AssetArchive(IDictionary<string, AssetOrArchive> assets)
            : base("assets", assets.ToImmutableDictionary())
        {
        }
    }
}
