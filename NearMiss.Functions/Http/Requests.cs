using NearMiss.Core.Review;

namespace NearMiss.Functions.Http;

/// <summary><c>{"email": …, "console": "staff"?}</c>: a sign-in request; the console is the review console unless it is <c>staff</c>.</summary>
public sealed record SignInBody(string Email, string Console) : IJsonRequest<SignInBody>
{
    private static readonly HashSet<string> Consoles = ["staff"];

    public static int Limit => 1024;

    public static SignInBody Read(JsonFields fields) =>
        new(fields.Email(), fields.Choice("console", Consoles, "must be \"staff\" or left out") ?? "review");
}

/// <summary><c>{"token": …}</c>: a one-time sign-in token to exchange for a session.</summary>
public sealed record TokenBody(string Token) : IJsonRequest<TokenBody>
{
    public static int Limit => 1024;

    public static TokenBody Read(JsonFields fields) => new(fields.Text("token"));
}

/// <summary><c>{"receipt": …}</c>: a receipt to look up.</summary>
public sealed record ReceiptBody(string Receipt) : IJsonRequest<ReceiptBody>
{
    public static int Limit => 1024;

    public static ReceiptBody Read(JsonFields fields) => new(fields.Text("receipt"));
}

/// <summary><c>{"receipt": …, "message": …}</c>: a reporter's answer to a reviewer's question.</summary>
public sealed record ReplyBody(string Receipt, string Message) : IJsonRequest<ReplyBody>
{
    public static int Limit => 16 * 1024;

    public static ReplyBody Read(JsonFields fields) => new(
        fields.Bounded("receipt", fields.Text("receipt"), 1, ReporterReplies.MaxReceiptLength) ?? "",
        fields.Bounded("message", fields.Text("message"), 1, ReporterReplies.MaxLength) ?? "");
}

/// <summary><c>{"email": …}</c>: a library sign-in request.</summary>
public sealed record EmailBody(string Email) : IJsonRequest<EmailBody>
{
    public static int Limit => 1024;

    public static EmailBody Read(JsonFields fields) => new(fields.Email());
}
