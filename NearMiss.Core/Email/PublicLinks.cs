using System.ComponentModel.DataAnnotations;

using Microsoft.Extensions.Options;

namespace NearMiss.Core.Email;

/// <summary>Where the site is reachable from a mail client (section <c>NearMiss</c>, key <c>PublicBaseUrl</c>).</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "NearMiss";

    public const string DefaultBaseUrl = "http://127.0.0.1:7071";

    [Required]
    [Url(ErrorMessage = "NearMiss:PublicBaseUrl must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = DefaultBaseUrl;
}

/// <summary>
/// The links e-mails carry. What identifies a token or a case travels in the fragment, which browsers never
/// send to a server, so it cannot end up in a server log.
/// </summary>
public sealed class PublicLinks(IOptions<PublicSiteOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>A sign-in link: the console's page (<c>review</c>, <c>staff</c>, <c>library</c>) with the one-time token.</summary>
    public string SignIn(string console, string token) => $"{BaseUrl}/{console}/#token={Uri.EscapeDataString(token)}";

    public string LibraryReport(string publishedId) => $"{BaseUrl}/library/#id={Uri.EscapeDataString(publishedId)}";

    public string LibraryUnsubscribe(string token) => $"{BaseUrl}/library/#unsubscribe={Uri.EscapeDataString(token)}";

    /// <summary>
    /// The RFC 8058 one-click address a mail client POSTs <c>List-Unsubscribe=One-Click</c> to. RFC 8058 leaves no
    /// other place for the token than the URL; it can only cancel a reader's digest subscription.
    /// </summary>
    public string LibraryOneClickUnsubscribe(string token) => $"{BaseUrl}/api/library/unsubscribe?token={Uri.EscapeDataString(token)}";

    public string Case(string reportId) => $"{BaseUrl}/review/case.html#id={Uri.EscapeDataString(reportId)}";
}
