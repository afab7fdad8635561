using System.Text;
using System.Text.RegularExpressions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// Reads the <c>.eml</c> files a local host writes to its pickup folder: waits for a message to one address
/// with a link of a given shape and returns that link. Bodies may be plain, quoted-printable or base64.
/// </summary>
public static partial class Mailbox
{
    public static async Task<string> WaitForLinkAsync(string directory, string to, Regex link, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [];
            seen = files.Length;
            foreach (var file in files.OrderBy(File.GetLastWriteTimeUtc))
            {
                string raw;
                try
                {
                    raw = await File.ReadAllTextAsync(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }

                var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal) is var lf and >= 0 ? lf : raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var headers = headerEnd >= 0 ? raw[..headerEnd] : raw;
                if (!headers.Contains(to, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var match = link.Match(Readable(raw));
                if (match.Success)
                {
                    return match.Value;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"No e-mail to {to} with a link like {link} arrived in {directory} within {within.TotalSeconds} s ({seen} messages there).");
    }

    /// <summary>The raw message, then its quoted-printable decoding, then every base64 block decoded.</summary>
    public static string Readable(string raw)
    {
        var text = new StringBuilder(raw).AppendLine();
        var unfolded = SoftBreak().Replace(raw, "");
        text.AppendLine(QuotedByte().Replace(unfolded, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));
        foreach (Match block in Base64Block().Matches(raw))
        {
            try
            {
                text.AppendLine(Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(block.Value, @"\s", ""))));
            }
            catch (FormatException)
            {
                // Not base64 after all.
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"=\r?\n")]
    private static partial Regex SoftBreak();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();

    [GeneratedRegex(@"(?m)^(?:[A-Za-z0-9+/]{16,}={0,2}\r?\n?)+")]
    private static partial Regex Base64Block();
}
