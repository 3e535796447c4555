using System.Text;
using System.Text.Unicode;

namespace Infra.Stacks.Loading;

/// <summary>
/// A stack file's bytes as text: bounded in size and strictly UTF-8, so a bad byte is an error with its position
/// instead of a silently replaced character.
/// </summary>
public static class StackFileText
{
    /// <summary>
    /// The largest stack file read: 256 KiB. The shipped files are under 5 KiB, and ECS caps a whole task definition at
    /// 64 KiB, so a larger file is a mistake; the bound also keeps the parser's time and memory small.
    /// </summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The text; throws <see cref="StackSettingsException"/> when too large or not UTF-8.</summary>
    public static string Decode(string fileLabel, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
            throw new StackSettingsException(
                [$"{fileLabel}: {bytes.Length} bytes; a stack file may have at most {MaxBytes} bytes (256 KiB)"]);
        if (bytes.StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done) return new string(chars, 0, charsWritten);

        // The valid prefix locates the bad byte by line and column, as an editor shows them.
        var prefix = new string(chars, 0, charsWritten);
        var line = prefix.Count(c => c == '\n') + 1;
        var column = prefix.Length - (prefix.LastIndexOf('\n') + 1) + 1;
        throw new StackSettingsException(
            [$"{fileLabel}: line {line}, column {column}: byte 0x{bytes[bytesRead]:X2} is not valid UTF-8; save the file as UTF-8"]);
    }

    /// <summary>Text as the UTF-8 bytes a file would hold, for callers that parse text they already have.</summary>
    public static byte[] Encode(string text) => Encoding.UTF8.GetBytes(text);
}
