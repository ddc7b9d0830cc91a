using SmartLicensing.Agent.Tests.Fakes;
using SmartLicensing.Protocol.Messages;

namespace SmartLicensing.Agent.Tests.Persistence;

public sealed class StateFileTests
{
    private const string Token = "ZmFrZS10b2tlbi1mb3ItdGVzdHM=";

    [Fact]
    public async Task Constructor_SavedRegistration_ReloadsStateAndKey()
    {
        await using var context = await AgentTestContext.StartAsync();
        var first = context.CreateAgent(AgentTestContext.Standard);
        await first.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        var saved = first.State;
        first.Dispose();

        var reloaded = context.CreateAgent();

        var state = reloaded.State;
        Assert.Equal(saved.Registration, state.Registration);
        Assert.Equal(saved.Authorization, state.Authorization);
        Assert.Equal(saved.CertificateSerial, state.CertificateSerial);
        Assert.Equal(saved.RegistrationExpires, state.RegistrationExpires);
        Assert.Equal(saved.NextAuthorizationAttempt, state.NextAuthorizationAttempt);
        Assert.Equal(saved.AuthorizationExpires, state.AuthorizationExpires);
        Assert.Equal(saved.LastRegistrationAttempt, state.LastRegistrationAttempt);
        Assert.Equal(saved.SmartAccount, state.SmartAccount);
        Assert.Equal(saved.Entitlements, state.Entitlements);
        Assert.Null(reloaded.StateFileProblem);

        var result = await reloaded.RenewAuthorizationAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task Save_OnUnix_FileReadableByOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows.");
        await using var context = await AgentTestContext.StartAsync();
        var agent = context.CreateAgent();

        await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(context.StatePath));
        }

        Assert.Single(Directory.GetFiles(context.Folder));
    }

    [Fact]
    public async Task Constructor_CorruptFile_StartsUnregistered()
    {
        await using var context = await AgentTestContext.StartAsync();
        await File.WriteAllTextAsync(context.StatePath, "{ \"version\": 1, \"state\": { \"registration\": ", TestContext.Current.CancellationToken);

        var agent = context.CreateAgent();

        Assert.Equal(RegistrationStatus.Unregistered, agent.State.Registration);
        Assert.NotNull(agent.StateFileProblem);
        Assert.False(File.Exists(context.StatePath));
        Assert.Equal(
            "{ \"version\": 1, \"state\": { \"registration\": ",
            await File.ReadAllTextAsync(context.StatePath + ".corrupt", TestContext.Current.CancellationToken));

        var result = await agent.RegisterAsync(Token, force: false, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task Constructor_UnreadableDeviceKey_TreatedAsCorrupt()
    {
        await using var context = await AgentTestContext.StartAsync();
        await File.WriteAllTextAsync(
            context.StatePath,
            """{ "version": 1, "state": { "registration": "Registered" }, "devicePrivateKey": "not base64!", "idCertificate": "AAAA" }""",
            TestContext.Current.CancellationToken);

        var agent = context.CreateAgent();

        Assert.Equal(RegistrationStatus.Unregistered, agent.State.Registration);
        Assert.True(File.Exists(context.StatePath + ".corrupt"));
    }

    [Fact]
    public async Task Constructor_MissingFile_FreshUnregisteredState()
    {
        await using var context = await AgentTestContext.StartAsync();

        var agent = context.CreateAgent();

        Assert.Equal(RegistrationStatus.Unregistered, agent.State.Registration);
        Assert.Equal(AuthorizationStatus.None, agent.State.Authorization);
        Assert.Null(agent.StateFileProblem);
        Assert.Null(agent.NextDueTime);
    }

    [Fact]
    public async Task Constructor_SavedRequestedEntitlements_Reloaded()
    {
        await using var context = await AgentTestContext.StartAsync();
        var first = context.CreateAgent(AgentTestContext.Standard, AgentTestContext.Strong);
        first.Dispose();

        var reloaded = context.CreateAgent();

        Assert.Equal(
            new[] { AgentTestContext.Standard.Tag, AgentTestContext.Strong.Tag },
            reloaded.State.Entitlements.Select(e => e.Tag));
        Assert.All(reloaded.State.Entitlements, e => Assert.Equal((EntitlementStatus?)null, e.Status));
    }
}
