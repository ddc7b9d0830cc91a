using System.Net;
using SmartLicensing.Cli.Api;

namespace SmartLicensing.Cli.Tests.Api;

public sealed class ApiErrorTests
{
    [Fact]
    public void FromResponse_ProblemDetailsWithCode_FormatsDetailAndCode()
    {
        const string body = """{"type":"about:blank","title":"Not Found","status":404,"detail":"Virtual account 'Lab' was not found.","code":"virtual-account-not-found"}""";

        var error = ApiError.FromResponse(HttpStatusCode.NotFound, "Not Found", body);

        Assert.Equal("virtual-account-not-found", error.Code);
        Assert.Equal(404, error.Status);
        Assert.Equal("error: Virtual account 'Lab' was not found. (virtual-account-not-found)", error.Format());
    }

    [Fact]
    public void FromResponse_ProblemWithoutDetail_UsesTitle()
    {
        const string body = """{"title":"One or more validation errors occurred.","status":400}""";

        var error = ApiError.FromResponse(HttpStatusCode.BadRequest, "Bad Request", body);

        Assert.Null(error.Code);
        Assert.Equal("error: One or more validation errors occurred. (HTTP 400)", error.Format());
    }

    [Fact]
    public void FromResponse_HtmlBody_FallsBackToStatusLine()
    {
        var error = ApiError.FromResponse(HttpStatusCode.BadGateway, "Bad Gateway", "<html>proxy error</html>");

        Assert.Equal("error: the license server returned 502 Bad Gateway (HTTP 502)", error.Format());
    }

    [Fact]
    public void FromResponse_EmptyUnauthorized_PointsToApiKey()
    {
        var error = ApiError.FromResponse(HttpStatusCode.Unauthorized, "Unauthorized", "");

        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(HTTP 401)", error.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_CodeNotString_IsIgnored()
    {
        const string body = """{"detail":"Broken.","code":42}""";

        var error = ApiError.FromResponse(HttpStatusCode.Conflict, "Conflict", body);

        Assert.Null(error.Code);
        Assert.Equal("error: Broken. (HTTP 409)", error.Format());
    }
}
