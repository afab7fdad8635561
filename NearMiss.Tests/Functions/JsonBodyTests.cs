using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

using NearMiss.Functions.Http;

namespace NearMiss.Tests.Functions;

/// <summary>What every function that takes a JSON body refuses before it reads a field.</summary>
public sealed class JsonBodyTests
{
    private static HttpRequest Request(string body, string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

    private static async Task<(int? Status, string? Field)> ReadAsync(string body, string? contentType = "application/json")
    {
        var (document, problem) = await JsonBody.ReadAsync(Request(body, contentType), CancellationToken.None);
        using (document)
        {
            var result = problem as ObjectResult;
            return (result?.StatusCode, (result?.Value as ValidationProblemDetails)?.Errors.Keys.Single());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/jsonx")]
    public async Task ABodyNotDeclaredAsJsonInUtf8_Is415(string? contentType) =>
        Assert.Equal((415, null), await ReadAsync("""{"receipt":"x"}""", contentType));

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; Charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/merge-patch+json")]
    public async Task JsonInUtf8_IsRead(string contentType) =>
        Assert.Equal((null, null), await ReadAsync("""{"receipt":"x"}""", contentType));

    [Theory]
    [InlineData("""{"narrative":"before \ud800 after"}""")]
    [InlineData("""{"narrative":"\udc00"}""")]
    [InlineData("""{"lessons":["ok","\udbff\u0041"]}""")]
    [InlineData("""{"\ud83dname":"x"}""")]
    public async Task ALoneSurrogateEscape_Is400OnTheBody(string body) =>
        Assert.Equal((400, "body"), await ReadAsync(body));

    [Fact]
    public async Task ASurrogatePairEscape_IsRead() =>
        Assert.Equal((null, null), await ReadAsync("""{"narrative":"\ud83d\udca5"}"""));
}
