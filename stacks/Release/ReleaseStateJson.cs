using System.Text;
using System.Text.Json;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Release;

/// <summary>
/// The release state as the ledger stores it, a stable JSON document:
/// <c>{"services":{"web":{"liveColor":"blue","weights":{"blue":100,"green":0},"image":{"blue":"…","green":null},"running":{"blue":true,"green":false}}}}</c>.
/// Keys are written in a fixed order and services in ordinal order, so equal states give equal text.
/// <para>
/// <c>drPromoted</c> is an older version's: the DR promotion now lives in the ledger's own <c>dr</c> item
/// (<see cref="DrRecord"/>), since the global table resolves concurrent writes per item and a release written in the
/// primary region must not undo a promotion written in the DR region. A document that still says
/// <c>"drPromoted":true</c> is read as such (honoured while no <c>dr</c> item exists) and written back unchanged, so
/// the runner's and the guard's release writes never drop it; <c>false</c> is not written.
/// </para>
/// <para>
/// <c>"drPromotedPerDrItem":true</c> marks both documents while the DR region is promoted
/// (<see cref="ReleaseState.DrPromotedPerDrItem"/>): every reader before this one refuses a root key it does not know, so
/// code that would read only <c>drPromoted</c> stops with <c>release state $.drPromotedPerDrItem: unknown key</c>
/// instead of declaring the stack unpromoted. Kept through every write like <c>drPromoted</c>; <c>false</c> is not written.
/// </para>
/// </summary>
public static class ReleaseStateJson
{
    /// <summary>
    /// The state as compact JSON. Throws <see cref="ReleaseStateFormatException"/> for a state that
    /// <see cref="Deserialize"/> would refuse (e.g. weights that do not sum to 100), so nothing unreadable is stored.
    /// </summary>
    public static string Serialize(ReleaseState state)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject(ReleaseStateReader.ServicesKey);
            foreach (var (name, release) in state.Services)
            {
                json.WriteStartObject(name);
                json.WriteString(ReleaseStateReader.LiveColorKey, release.LiveColor.ToConfigName());
                WritePair(json, ReleaseStateReader.WeightsKey, release.Weights, (w, key, v) => w.WriteNumber(key, v));
                WritePair(json, ReleaseStateReader.ImageKey, release.Image, (w, key, v) => w.WriteString(key, v));
                WritePair(json, ReleaseStateReader.RunningKey, release.Running, (w, key, v) => w.WriteBoolean(key, v));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (state.DrPromoted) json.WriteBoolean(ReleaseStateReader.DrPromotedKey, true);
            if (state.DrPromotedPerDrItem) json.WriteBoolean(ReleaseStateReader.DrPromotedPerDrItemKey, true);
            json.WriteEndObject();
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Deserialize(text);
        return text;
    }

    /// <summary>
    /// Parses a document written by <see cref="Serialize"/>. Strict: an unknown or duplicate key, a missing field, a
    /// wrong type, an unknown color or weights that do not sum to 100 throw <see cref="ReleaseStateFormatException"/>.
    /// <c>drPromoted</c> and <c>drPromotedPerDrItem</c> alone may be missing (each is written only when true): then false.
    /// </summary>
    public static ReleaseState Deserialize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ReleaseStateFormatException("$",
                $"release state $: not valid JSON ({e.Message}); expected an object with the key services");
        }
        using (document) return ReleaseStateReader.Read(document.RootElement);
    }

    private static void WritePair<T>(Utf8JsonWriter json, string key, ColorPair<T> pair, Action<Utf8JsonWriter, string, T> write)
    {
        json.WriteStartObject(key);
        write(json, Color.Blue.ToConfigName(), pair.Blue);
        write(json, Color.Green.ToConfigName(), pair.Green);
        json.WriteEndObject();
    }
}
