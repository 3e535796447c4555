using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Pulumi.Automation.Offline;

/// <summary>
/// The CLI's passphrase secrets provider, as pulumi/pulumi implements it (pkg/secrets/passphrase/manager.go and
/// sdk/go/common/resource/config/crypt.go): the stack file's <c>encryptionsalt</c> is <c>v1:&lt;base64 salt&gt;:</c> and then
/// the word <c>pulumi</c> encrypted, which proves the passphrase; the key is PBKDF2-SHA256 of the passphrase
/// (PULUMI_CONFIG_PASSPHRASE, else the file PULUMI_CONFIG_PASSPHRASE_FILE names) and the salt, 1,000,000 iterations,
/// 32 bytes; a value is <c>v1:&lt;base64 nonce (12 bytes)&gt;:&lt;base64 AES-256-GCM ciphertext, tag last&gt;</c>. It is the
/// one provider whose values can be known offline: a cloud provider's ciphertext stays the placeholder.
/// </summary>
internal sealed class PassphraseSecrets
{
    private const string Version = "v1";
    private const string Proof = "pulumi";
    private const int Iterations = 1_000_000;
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    // A million PBKDF2 rounds take about a second: each (salt state, passphrase) is derived once per process.
    private static readonly ConcurrentDictionary<(string State, string Phrase), byte[]> Keys = new();

    private readonly byte[] key;

    private PassphraseSecrets(byte[] key) => this.key = key;

    /// <summary>
    /// The provider of a stack file with <paramref name="encryptionSalt"/>, or null without a salt or a passphrase (then
    /// secrets read as the placeholder). A wrong passphrase fails as the CLI does.
    /// </summary>
    public static PassphraseSecrets? For(string? encryptionSalt, Func<string, string?> environment)
    {
        if (encryptionSalt is null || Passphrase(environment) is not { } phrase) return null;
        var parts = encryptionSalt.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new Commands.Exceptions.CommandException("CommandException", "error: malformed encryptionsalt in the stack file");
        }

        var key = Keys.GetOrAdd((encryptionSalt, phrase), k =>
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(k.Phrase), Convert.FromBase64String(parts[1]), Iterations, HashAlgorithmName.SHA256, KeyBytes));
        var secrets = new PassphraseSecrets(key);
        if (secrets.Decrypt(parts[2]) != Proof)
        {
            throw new Commands.Exceptions.CommandException("CommandException", "error: incorrect passphrase");
        }

        return secrets;
    }

    /// <summary>The plaintext, or null for a value this provider did not encrypt (another provider's, or the placeholder).</summary>
    public string? Decrypt(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3 || parts[0] != Version) return null;
        try
        {
            var nonce = Convert.FromBase64String(parts[1]);
            var sealedBytes = Convert.FromBase64String(parts[2]);
            if (nonce.Length != NonceBytes || sealedBytes.Length < TagBytes) return null;
            var plain = new byte[sealedBytes.Length - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception error) when (error is FormatException or AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length));
        return $"{Version}:{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>A new <c>encryptionsalt</c> for <paramref name="phrase"/>, as <c>pulumi stack init</c> writes it (8 random bytes of salt).</summary>
    public static string NewSalt(string phrase)
    {
        var salt = RandomNumberGenerator.GetBytes(8);
        var state = $"{Version}:{Convert.ToBase64String(salt)}";
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(phrase), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);
        return $"{state}:{new PassphraseSecrets(key).Encrypt(Proof)}";
    }

    public static string? Passphrase(Func<string, string?> environment)
    {
        if (environment("PULUMI_CONFIG_PASSPHRASE") is { } phrase) return phrase;
        return environment("PULUMI_CONFIG_PASSPHRASE_FILE") is { Length: > 0 } file ? File.ReadAllText(Path.GetFullPath(file)).Trim() : null;
    }
}
