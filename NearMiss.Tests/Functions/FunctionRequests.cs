using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NearMiss.Tests.Functions;

/// <summary>Builds requests as the Functions host hands them to an HTTP function.</summary>
public static class FunctionRequests
{
    public static HttpRequest Json(JsonNode body) => Raw(body.ToJsonString());

    public static HttpRequest Raw(string body) => Bytes(Encoding.UTF8.GetBytes(body));

    public static HttpRequest Bytes(byte[] body, string method = "POST")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    /// <summary>The request as it arrives from <paramref name="address"/>, through proxies that wrote <paramref name="forwardedFor"/>.</summary>
    public static HttpRequest From(this HttpRequest request, string address, string? forwardedFor = null)
    {
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        if (forwardedFor is not null)
        {
            request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return request;
    }

    public static HttpRequest Get()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        return context.Request;
    }

    public static (int Status, object? Value) Unpack(IActionResult result) => result switch
    {
        ObjectResult o => (o.StatusCode ?? 200, o.Value),
        StatusCodeResult s => (s.StatusCode, null),
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}"),
    };
}
