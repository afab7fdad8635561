using System.Security.Cryptography;
using System.Text;

namespace NearMiss.Core.Security;

/// <summary>
/// Derives one HMAC key per token audience from <c>NearMiss:Keys:Signing</c> (HKDF-SHA256, the audience as
/// info). A token signed for one audience cannot verify under another's key, whatever its claims say.
/// </summary>
public static class SigningKeys
{
    public static byte[] ForAudience(byte[] signingKey, string audience) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, salt: [], info: Encoding.UTF8.GetBytes("nearmiss-token:" + audience));
}
