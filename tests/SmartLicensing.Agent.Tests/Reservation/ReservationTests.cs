using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol;
using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Agent.Tests.Reservation;

public sealed class ReservationTests
{
    private const string Universal = "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V10,1.0_75d406f9";

    [Fact]
    public async Task RequestReservation_Repeated_SameCode()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        var first = agent.RequestReservation(Universal);
        var again = agent.RequestReservation(Universal);
        agent.Dispose();
        var restarted = context.CreateAgent().RequestReservation(Universal);

        Assert.True(first.Succeeded);
        Assert.StartsWith("CB-ZASAv:9AHV3KJBEKE-", first.Code, StringComparison.Ordinal);
        Assert.Equal(first.Code, again.Code);
        Assert.Equal(first.Code, restarted.Code);
    }

    [Fact]
    public async Task RequestReservation_Pending_StateIsReservationInProgress()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        agent.RequestReservation(Universal);

        Assert.Equal(RegistrationStatus.ReservationInProgress, agent.State.Registration);
        Assert.Equal(ReservationStage.Requested, agent.State.Reservation?.Stage);
    }

    [Fact]
    public async Task CancelReservationRequest_Pending_DropsTheRequest()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var first = agent.RequestReservation(Universal);

        var cancel = agent.CancelReservationRequest();
        var second = agent.RequestReservation(Universal);

        Assert.True(cancel.Succeeded);
        Assert.NotEqual(first.Code, second.Code);
    }

    [Fact]
    public async Task CancelReservationRequest_NothingPending_Fails()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        var cancel = agent.CancelReservationRequest();

        Assert.False(cancel.Succeeded);
        Assert.Equal(FailureReasons.ReservationNotFound.Code, cancel.FailureCode);
    }

    [Fact]
    public async Task InstallReservation_ValidCode_ReservesAndPrintsConfirmation()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var authorization = Authorize(context, agent.RequestReservation(Universal).Code!);

        var result = agent.InstallReservation(authorization.Format());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(authorization.Confirmation.Text, result.Code);
        Assert.Equal(RegistrationStatus.UniversalReservation, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.Reserved, agent.State.Authorization);
        Assert.True(agent.State.ExportAuthorized);
        Assert.Contains(AgentEventKind.ReservationInstalled, context.EventKinds());
        agent.Dispose();
        Assert.Equal(RegistrationStatus.UniversalReservation, context.CreateAgent().State.Registration);
    }

    [Fact]
    public async Task InstallReservation_OtherRequest_Mismatch()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var stale = Authorize(context, agent.RequestReservation(Universal).Code!);
        agent.CancelReservationRequest();
        agent.RequestReservation(Universal);
        var before = agent.State;

        var result = agent.InstallReservation(stale.Format());

        Assert.False(result.Succeeded);
        Assert.Equal(FailureReasons.ReservationCodeMismatch.Code, result.FailureCode);
        Assert.Equal("The Reservation Authorization Code does not match the Reservation Request Code.", result.FailureMessage);
        Assert.Equal(before, agent.State);
    }

    [Fact]
    public async Task InstallReservation_SignedByUntrustedRoot_Fails()
    {
        await using var context = await AgentTestContext.StartAsync();
        using var stranger = new TestPki("Stranger Root");
        var agent = context.CreateAgent();
        ReservationRequestCode.TryParse(agent.RequestReservation(Universal).Code, out var request, out _);
        var forged = ReservationAuthorizationCode.Create(request!, Universal, exportAllowed: true, stranger.SignReservation);

        var result = agent.InstallReservation(forged.Format());

        Assert.Equal(FailureReasons.ReservationSignatureInvalid.Code, result.FailureCode);
        Assert.Equal(RegistrationStatus.ReservationInProgress, agent.State.Registration);
    }

    [Fact]
    public async Task InstallReservation_MistypedCode_IsReportedAsTypo()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var text = Authorize(context, agent.RequestReservation(Universal).Code!).Format();
        var typo = string.Concat(text.AsSpan(0, 16), text[16] == '7' ? "8" : "7", text.AsSpan(17));

        var result = agent.InstallReservation(typo);

        Assert.Equal(FailureReasons.ReservationCodeMistyped.Code, result.FailureCode);
        Assert.Contains("group 3", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallReservation_BeforeRequest_Fails()
    {
        await using var context = await AgentTestContext.StartAsync();
        var other = context.CreateAgent();
        var code = Authorize(context, other.RequestReservation(Universal).Code!);
        other.CancelReservationRequest();

        var result = other.InstallReservation(code.Format());

        Assert.Equal(FailureReasons.ReservationNotFound.Code, result.FailureCode);
    }

    [Fact]
    public async Task ReturnReservation_Installed_Unlicenses()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        var requestText = agent.RequestReservation(Universal).Code!;
        var authorization = Authorize(context, requestText);
        agent.InstallReservation(authorization.Format());

        var returned = agent.ReturnReservation();
        var again = agent.ReturnReservation();

        Assert.True(returned.Succeeded, returned.FailureMessage);
        Assert.Equal(returned.Code, again.Code);
        Assert.Equal(RegistrationStatus.Unregistered, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        ReservationRequestCode.TryParse(requestText, out var request, out _);
        Assert.True(ReservationReturnCode.TryParse(returned.Code, out var returnCode, out _));
        Assert.True(returnCode.Verify(request!, Universal, authorization));
    }

    [Fact]
    public async Task ReturnReservation_AfterNewRequest_CodeIsGone()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.InstallReservation(Authorize(context, agent.RequestReservation(Universal).Code!).Format());
        agent.ReturnReservation();

        agent.RequestReservation(Universal);
        var result = agent.ReturnReservation();

        Assert.False(result.Succeeded);
        Assert.Null(agent.State.Reservation?.ReturnCode);
    }

    [Fact]
    public async Task ReturnReservation_BeforeInstall_Fails()
    {
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();
        agent.RequestReservation(Universal);

        var result = agent.ReturnReservation();

        Assert.False(result.Succeeded);
        Assert.Contains("not installed yet", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ReservationAuthorizationCode Authorize(AgentTestContext context, string requestCode)
    {
        Assert.True(ReservationRequestCode.TryParse(requestCode, out var request, out var error), error?.Message);
        return ReservationAuthorizationCode.Create(request, Universal, exportAllowed: true, context.Pki.SignReservation);
    }
}
