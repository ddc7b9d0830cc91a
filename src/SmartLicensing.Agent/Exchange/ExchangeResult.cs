using System.Diagnostics.CodeAnalysis;
using SmartLicensing.Protocol;

namespace SmartLicensing.Agent.Exchange;

/// <summary>A verified server answer of the expected type, or the reason there is none.</summary>
internal sealed record ExchangeResult<TResponse>(TResponse? Response, FailureReason? Failure)
    where TResponse : class
{
    [MemberNotNullWhen(true, nameof(Response))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static ExchangeResult<TResponse> Success(TResponse response) => new(response, null);

    public static ExchangeResult<TResponse> Failed(FailureReason failure) => new(null, failure);
}
