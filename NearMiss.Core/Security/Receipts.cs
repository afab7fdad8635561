using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

namespace NearMiss.Core.Security;

/// <summary>
/// Receipts: 24 characters from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L), about
/// 118 bits from <see cref="RandomNumberGenerator"/>, shown in six groups of four. Only a keyed hash
/// (HMAC-SHA256) of the receipt is kept, and that hash is the report id, so nothing else links the two.
/// </summary>
public sealed class Receipts(IOptions<KeyOptions> options)
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 24;
    public const int GroupSize = 4;

    /// <summary>Bits of randomness in one receipt.</summary>
    public static double Bits => Length * Math.Log2(Alphabet.Length);

    private readonly byte[] _key = KeyOptions.Decode(options.Value.Receipt);

    public static string NewReceipt()
    {
        var builder = new StringBuilder(Length + Length / GroupSize);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                builder.Append('-');
            }

            builder.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Upper-cases and drops spaces and dashes; null when it cannot be a receipt.</summary>
    public static string? Normalize(string? receipt)
    {
        if (receipt is null || receipt.Length > 64)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Length];
        var count = 0;
        foreach (var c in receipt)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (count == Length || !Alphabet.Contains(upper))
            {
                return null;
            }

            buffer[count++] = upper;
        }

        return count == Length ? new string(buffer) : null;
    }

    /// <summary>The report id a receipt leads to: a keyed hash, not reversible without the key.</summary>
    public string ReportId(string normalizedReceipt)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(normalizedReceipt));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
