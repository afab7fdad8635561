using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

namespace NearMiss.Core.Security;

/// <summary>
/// Receipts: 24 characters from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L), shown in six groups of
/// four: 21 random characters (about 104 bits from <see cref="RandomNumberGenerator"/>) and 3 check characters, a
/// keyed hash of the random part and the batch window it was issued in, so that a receipt whose report is not stored
/// yet can be told from a typo or a forgery without storing anything (decision 012). Only a keyed hash
/// (HMAC-SHA256) of the receipt is kept, and that hash is the report id, so nothing else links the two.
/// </summary>
public sealed class Receipts(IOptions<KeyOptions> options)
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 24;
    public const int GroupSize = 4;
    public const int CheckLength = 3;

    /// <summary>Bits of randomness in one receipt (the check characters are not counted).</summary>
    public static double Bits => (Length - CheckLength) * Math.Log2(Alphabet.Length);

    private readonly byte[] _key = KeyOptions.Decode(options.Value.Receipt);

    /// <summary>A receipt whose check characters fit no window: what a forger without the key makes.</summary>
    public static string NewReceipt() => Group(RandomBody() + RandomBody()[..CheckLength]);

    /// <summary>A fresh receipt issued in the batch window starting at <paramref name="windowStart"/>.</summary>
    public string NewReceipt(DateTimeOffset windowStart)
    {
        var body = RandomBody();
        return Group(body + Check(body, windowStart));
    }

    /// <summary>Whether a normalized receipt was issued by this system in the window starting at <paramref name="windowStart"/>.</summary>
    public bool IssuedIn(string normalizedReceipt, DateTimeOffset windowStart) =>
        normalizedReceipt.Length == Length
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(normalizedReceipt[(Length - CheckLength)..]),
            Encoding.ASCII.GetBytes(Check(normalizedReceipt[..(Length - CheckLength)], windowStart)));

    private string Check(string body, DateTimeOffset windowStart)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"check|{windowStart.UtcTicks}|{body}"));
        var check = new char[CheckLength];
        for (var i = 0; i < CheckLength; i++)
        {
            check[i] = Alphabet[(int)(BitConverter.ToUInt32(hash, i * 4) % Alphabet.Length)];
        }

        return new string(check);
    }

    private static string RandomBody()
    {
        var body = new char[Length - CheckLength];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(body);
    }

    private static string Group(string compact)
    {
        var builder = new StringBuilder(Length + Length / GroupSize);
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                builder.Append('-');
            }

            builder.Append(compact[i]);
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
