using System.Security.Claims;

namespace SmartLicensing.Server.AdminApi;

public static class ActorExtensions
{
    /// <summary>Returns the name of the API key that authenticated the call; event entries record it as the actor.</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("An Admin API handler ran without an authenticated API key.");
    }
}
