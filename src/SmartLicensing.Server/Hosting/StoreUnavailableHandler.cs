using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Hosting;

/// <summary>
/// Returns 503 <c>store-unavailable</c> with Retry-After when a request failed because the
/// database could not be reached or dropped the connection. The request's transaction did not
/// commit, so sending it again is safe. Other exceptions go on to the 500 answer.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public const string Code = "store-unavailable";
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!StoreFailures.IsUnavailable(exception))
        {
            return false;
        }

        HostLog.StoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The license server cannot reach its database now; nothing of this request was saved. Send the request again in a few seconds.",
                Extensions = { [ProblemMapper.CodeExtension] = Code },
            },
        });
    }
}
