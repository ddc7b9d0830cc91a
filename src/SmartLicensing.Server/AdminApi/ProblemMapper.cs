using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartLicensing.Server.AdminApi;

/// <summary>Turns <see cref="Error"/> values into RFC 7807 problem responses with a <c>code</c> member.</summary>
public static class ProblemMapper
{
    public const string CodeExtension = "code";

    public static int StatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };

    public static ProblemHttpResult ToProblem(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: StatusCode(error.Kind),
            extensions: new Dictionary<string, object?> { [CodeExtension] = error.Code });
    }

    /// <summary>Returns the success result built from the value, or the problem for the error.</summary>
    public static IResult ToResult<T>(Result<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : ToProblem(result.Error);
    }
}
