using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

namespace NearMiss.Core.Security;

/// <summary>A report's free text, sealed: ciphertext under its own data key, and that key wrapped.</summary>
public sealed record SealedBox(byte[] Ciphertext, byte[] WrappedKey);

/// <summary>
/// Envelope encryption with AES-GCM. Each report gets a fresh 256-bit data key; the key is wrapped by
/// the sealing key from configuration. Dropping the wrapped key erases the report (crypto-erase).
/// The report id is bound as associated data, so a box cannot be moved to another report.
/// </summary>
public sealed class Sealer(IOptions<KeyOptions> options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _kek = KeyOptions.Decode(options.Value.Sealing);

    public SealedBox Seal(string reportId, string plaintext) => Seal(reportId, Encoding.UTF8.GetBytes(plaintext));

    public SealedBox Seal(string reportId, byte[] plaintext)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var associated = Encoding.UTF8.GetBytes(reportId);
            return new SealedBox(Encrypt(dataKey, plaintext, associated), Encrypt(_kek, dataKey, associated));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Seals more text of the same report (a working copy, a message) under its existing data key.</summary>
    public byte[] SealMore(string reportId, byte[] wrappedKey, string plaintext)
    {
        var associated = Encoding.UTF8.GetBytes(reportId);
        var dataKey = Decrypt(_kek, wrappedKey, associated);
        try
        {
            return Encrypt(dataKey, Encoding.UTF8.GetBytes(plaintext), associated);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public string Unseal(string reportId, SealedBox box) => Encoding.UTF8.GetString(UnsealBytes(reportId, box));

    public byte[] UnsealBytes(string reportId, SealedBox box)
    {
        var associated = Encoding.UTF8.GetBytes(reportId);
        var dataKey = Decrypt(_kek, box.WrappedKey, associated);
        try
        {
            return Decrypt(dataKey, box.Ciphertext, associated);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associated)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associated);
        return output;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBytes, byte[] associated)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Sealed data is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext, associated);
        return plaintext;
    }
}
