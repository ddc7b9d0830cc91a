using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.AdminApi;

/// <summary>
/// Authenticates Admin API calls by the key in <c>Authorization: Bearer</c> or <c>X-API-Key</c>.
/// A challenge writes a problem response that states whether the key was missing or invalid.
/// </summary>
/// <remarks>
/// The host authenticates every request with this scheme, device messages included, so the handler
/// takes the store only when a key is presented. A store context built for every device message
/// was a measurable share of a renewal's CPU time.
/// </remarks>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    FailedApiKeyLimiter limiter,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-API-Key";

    private const string BearerPrefix = "Bearer ";
    private static readonly object ErrorItemKey = new();

    // Not the base class's Logger: the host raises that category to Warning to drop the base's own lines.
    private readonly ILogger _log = loggerFactory.CreateLogger(typeof(AdminApiLog).FullName!);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.IsBlocked(client))
        {
            Context.Items[ErrorItemKey] = new ApiKeyRateLimited();
            return AuthenticateResult.Fail("Too many invalid API keys from this address.");
        }

        var name = await FindKeyNameAsync(presented, Context.RequestAborted);
        if (name is null)
        {
            limiter.RecordFailure(client);
            AdminApiLog.ApiKeyRejected(_log, client);
            Context.Items[ErrorItemKey] = new ApiKeyInvalid();
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items[ErrorItemKey] as Error ?? new ApiKeyMissing();
        var status = ProblemMapper.StatusCode(error.Kind);
        Response.StatusCode = status;
        if (error is ApiKeyRateLimited)
        {
            Response.Headers.RetryAfter = FailedApiKeyLimiter.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problem = new ProblemDetails { Status = status, Detail = error.Detail };
        problem.Extensions[ProblemMapper.CodeExtension] = error.Code;
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    private static string? ReadKey(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var key = authorization[BearerPrefix.Length..].Trim();
            return key.Length == 0 ? null : key;
        }

        string? header = request.Headers[ApiKeyHeader];
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    private async Task<string?> FindKeyNameAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presented);
        var db = Context.RequestServices.GetRequiredService<LicensingDbContext>();

        // A server has a handful of keys; comparing each in constant time keeps timing flat.
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.RevokedAt == null)
            .Select(k => new { k.Name, k.KeyHash })
            .ToListAsync(cancellationToken);

        string? match = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key.KeyHash, hash))
            {
                match = key.Name;
            }
        }

        return match;
    }
}

/// <summary>Counts invalid API keys per client address and blocks an address that sends too many.</summary>
internal sealed class FailedApiKeyLimiter : IDisposable
{
    public const int WindowSeconds = 60;
    public const int FailuresPerWindow = 30;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerWindow,
            Window = TimeSpan.FromSeconds(WindowSeconds),
            QueueLimit = 0,
        }));

    public bool IsBlocked(string client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits == 0;

    public void RecordFailure(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
    }

    public void Dispose() => _limiter.Dispose();
}
