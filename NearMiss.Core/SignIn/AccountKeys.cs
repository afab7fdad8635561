using System.Security.Cryptography;
using System.Text;

using NearMiss.Core.Reports;

namespace NearMiss.Core.SignIn;

/// <summary>How account tables key their rows and name their accounts, for reviewers and readers alike.</summary>
public static class AccountKeys
{
    /// <summary>The row key of a normalised address: its SHA-256 in lower-case hex.</summary>
    public static string Row(string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));

    /// <summary>A random opaque id: <paramref name="prefix"/> and 10 base32 characters (50 bits), so nothing can be derived from it.</summary>
    public static string NewId(string prefix)
    {
        Span<byte> random = stackalloc byte[OpaqueIds.RandomLength];
        RandomNumberGenerator.Fill(random);
        var id = new StringBuilder(prefix, prefix.Length + random.Length);
        foreach (var b in random)
        {
            id.Append(OpaqueIds.Base32[b & 31]);
        }

        return id.ToString();
    }
}
