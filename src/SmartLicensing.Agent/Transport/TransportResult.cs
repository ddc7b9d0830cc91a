using System.Diagnostics.CodeAnalysis;
using System.Net;
using SmartLicensing.Protocol;

namespace SmartLicensing.Agent.Transport;

/// <summary>What came back from one POST: an HTTP answer, or the reason there was none.</summary>
internal sealed record TransportResult(HttpStatusCode? StatusCode, string? Body, FailureReason? Failure)
{
    [MemberNotNullWhen(false, nameof(Failure))]
    [MemberNotNullWhen(true, nameof(StatusCode), nameof(Body))]
    public bool Answered => Failure is null;

    public static TransportResult Answer(HttpStatusCode statusCode, string body) => new(statusCode, body, null);

    public static TransportResult Failed(FailureReason failure) => new(null, null, failure);
}
