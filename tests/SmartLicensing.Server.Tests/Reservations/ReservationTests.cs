using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Identity;
using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Protocol.Signing;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.Tests.Support;
using Xunit;

namespace SmartLicensing.Server.Tests.Reservations;

public abstract class ReservationTests(StoreKind store) : StoreTests(store)
{
    private static readonly string UniversalV10 = CatalogLoader.BuiltIn.FindByShortTag("ASAv-UNIVERSAL-V10")!.Tag;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reserve_AccountNotApproved_FailsNotEnabled()
    {
        await using var server = await StartServerAsync();
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10SR-K9=,1\n");
        using var device = new Device("9AHV3KJBEKE");

        var response = await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() });

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "reservation-not-enabled");
        Assert.Contains("not enabled for license reservation", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reserve_NoLicense_ShortageMessage()
    {
        await using var server = await StartServerAsync();
        await EnableReservationAsync(server);
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10S-K9=,5\n");
        using var device = new Device("9AHV3KJBEKE");

        var response = await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() });

        var problem = await ProblemAssert.HasCodeAsync(response, 409, "reservation-insufficient-licenses");
        Assert.Equal(
            "The licenses cannot be reserved because the Virtual Account does not contain a sufficient surplus of the following perpetual licenses: 1 - ASAv10 Permanent Universal(perpetual).",
            ProblemAssert.Detail(problem));
        Assert.Equal(0, await server.WithDbAsync(db => db.ProductInstances.CountAsync(Ct)));
    }

    [Fact]
    public async Task Reserve_WithLicense_RootSignedCode()
    {
        await using var server = await StartServerAsync();
        await EnableReservationAsync(server);
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10SR-K9=,2\n");
        using var device = new Device("9AHV3KJBEKE");

        var view = await (await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() })).JsonAsync(201);

        Assert.Equal("ASAv-UNIVERSAL-V10", view.GetProperty("shortTag").GetString());
        Assert.Equal("L-ASAV10SR-K9=", view.GetProperty("pid").GetString());
        Assert.False(view.GetProperty("alreadyReserved").GetBoolean());
        Assert.True(ReservationAuthorizationCode.TryParse(view.GetProperty("authorizationCode").GetString(), out var authorization, out _));
        using var root = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, ServerCredentials.RootCertificateFile), Ct));
        Assert.True(authorization.IsFor(device.Request));
        Assert.True(authorization.Verify(device.Request, UniversalV10, [root]));
        Assert.Equal(authorization.Confirmation.Text, view.GetProperty("confirmationCode").GetString());
        Assert.Equal(1, await InUseAsync(server));

        var instance = await (await server.Client.GetAsync($"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}", Ct)).JsonAsync(200);
        Assert.True(instance.GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public async Task Reserve_SameRequestTwice_OneLicense()
    {
        await using var server = await StartServerAsync();
        await EnableReservationAsync(server);
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10SR-K9=,2\n");
        using var device = new Device("9AHV3KJBEKE");

        var first = await (await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() })).JsonAsync(201);
        var second = await (await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format().ToLowerInvariant().Replace("cb-zasav:9ahv3kjbeke", "CB-ZASAv:9AHV3KJBEKE", StringComparison.Ordinal) })).JsonAsync(200);

        Assert.Equal(first.GetProperty("authorizationCode").GetString(), second.GetProperty("authorizationCode").GetString());
        Assert.True(second.GetProperty("alreadyReserved").GetBoolean());
        Assert.Equal(1, await InUseAsync(server));
    }

    [Fact]
    public async Task Reserve_SecondRequestOfAReservedDevice_IsRefused()
    {
        await using var server = await StartServerAsync();
        await EnableReservationAsync(server);
        await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10SR-K9=,2\n");
        using var device = new Device("9AHV3KJBEKE");
        using var again = new Device("9AHV3KJBEKE");
        await (await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() })).JsonAsync(201);

        var response = await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = again.Request.Format() });

        await ProblemAssert.HasCodeAsync(response, 409, "reservation-exists");
        Assert.Equal(1, await InUseAsync(server));
    }

    [Fact]
    public async Task Reserve_MistypedCode_TypoGroup()
    {
        await using var server = await StartServerAsync();
        await EnableReservationAsync(server);
        using var device = new Device("9AHV3KJBEKE");
        var text = device.Request.Format();
        var index = text.Length - 3;
        var typo = string.Concat(text.AsSpan(0, index), text[index] == 'A' ? "B" : "A", text.AsSpan(index + 1));

        var response = await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = typo });

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "reservation-code-mistyped");
        Assert.Contains("group 13", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_ValidCode_FreesLicense()
    {
        await using var server = await StartServerAsync();
        var (device, authorization) = await ReserveAsync(server, "9AHV3KJBEKE");
        using var _ = device;
        var returnCode = device.Return(authorization);

        var view = await (await server.Client.PostJsonAsync($"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}/return", new { returnCode = returnCode.Format() })).JsonAsync(200);

        Assert.Equal("ASAv-UNIVERSAL-V10", view.GetProperty("shortTag").GetString());
        Assert.Equal(0, await InUseAsync(server));
        Assert.Equal(0, await server.WithDbAsync(db => db.ProductInstances.CountAsync(Ct)));
        var events = await server.Client.GetStringAsync("/api/v1/events?virtualAccount=DEFAULT", Ct);
        Assert.Contains("returned with its return code", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_ReusedCode_IsRejectedAsAlreadyUsed()
    {
        await using var server = await StartServerAsync();
        var (device, authorization) = await ReserveAsync(server, "9AHV3KJBEKE");
        using var _ = device;
        var path = $"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}?returnCode={Uri.EscapeDataString(device.Return(authorization).Format())}";
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.DeleteAsync(path, Ct)).StatusCode);

        var again = await server.Client.DeleteAsync(path, Ct);

        var problem = await ProblemAssert.HasCodeAsync(again, 409, "reservation-return-code-rejected");
        Assert.Contains("already used", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(0, await InUseAsync(server));
    }

    [Fact]
    public async Task Return_OtherDeviceCode_Rejected()
    {
        await using var server = await StartServerAsync();
        var (device, _) = await ReserveAsync(server, "9AHV3KJBEKE");
        var (other, otherAuthorization) = await ReserveAsync(server, "9ZZZ1111AAA", importFirst: false);
        using var first = device;
        using var second = other;

        var response = await server.Client.PostJsonAsync(
            $"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}/return",
            new { returnCode = other.Return(otherAuthorization).Format() });

        await ProblemAssert.HasCodeAsync(response, 400, "reservation-return-code-rejected");
        Assert.Equal(2, await InUseAsync(server));
    }

    [Fact]
    public async Task Return_CodeSignedByAnotherKey_IsRejected()
    {
        await using var server = await StartServerAsync();
        var (device, authorization) = await ReserveAsync(server, "9AHV3KJBEKE");
        using var _ = device;
        var genuine = device.Return(authorization);
        var signature = genuine.Signature.ToArray();
        signature[5] ^= 0x10;
        var forged = genuine with { Signature = signature };

        var response = await server.Client.PostJsonAsync(
            $"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}/return",
            new { returnCode = forged.Format() });

        var problem = await ProblemAssert.HasCodeAsync(response, 400, "reservation-return-code-rejected");
        Assert.Contains("does not verify", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(1, await InUseAsync(server));
    }

    [Fact]
    public async Task Remove_ReservedInstanceWithoutReturnCode_IsRefused()
    {
        await using var server = await StartServerAsync();
        var (device, _) = await ReserveAsync(server, "9AHV3KJBEKE");
        using var _ = device;

        var response = await server.Client.DeleteAsync($"/api/v1/product-instances/{Uri.EscapeDataString(device.Udi.ToString())}", Ct);

        await ProblemAssert.HasCodeAsync(response, 409, "product-instance-reserved");
        Assert.Equal(1, await InUseAsync(server));
    }

    [Fact]
    public async Task UpdateAccount_ReservationEnabled_IsShownAndLogged()
    {
        await using var server = await StartServerAsync();

        var patched = await (await server.Client.PatchAsync("/api/v1/account", System.Net.Http.Json.JsonContent.Create(new { reservationEnabled = true }), Ct)).JsonAsync(200);
        var account = await (await server.Client.GetAsync("/api/v1/account", Ct)).JsonAsync(200);

        Assert.True(patched.GetProperty("reservationEnabled").GetBoolean());
        Assert.True(account.GetProperty("reservationEnabled").GetBoolean());
        var events = await server.Client.GetStringAsync("/api/v1/events", Ct);
        Assert.Contains("Permanent license reservation enabled", events, StringComparison.Ordinal);
    }

    private static async Task EnableReservationAsync(AuthorityServer server)
    {
        var response = await server.Client.PatchAsync("/api/v1/account", System.Net.Http.Json.JsonContent.Create(new { reservationEnabled = true }), Ct);
        await response.JsonAsync(200);
    }

    private static async Task<(Device Device, ReservationAuthorizationCode Authorization)> ReserveAsync(AuthorityServer server, string serial, bool importFirst = true)
    {
        if (importFirst)
        {
            await EnableReservationAsync(server);
            await Seed.ImportCsvAsync(server, "DEFAULT", "L-ASAV10SR-K9=,2\n");
        }

        var device = new Device(serial);
        var view = await (await server.Client.PostJsonAsync("/api/v1/reservations", new { requestCode = device.Request.Format() })).JsonAsync(201);
        Assert.True(ReservationAuthorizationCode.TryParse(view.GetProperty("authorizationCode").GetString(), out var authorization, out _));
        return (device, authorization);
    }

    private static Task<int> InUseAsync(AuthorityServer server) =>
        server.WithDbAsync(db => db.EntitlementBalances.Where(b => b.Tag == UniversalV10).Select(b => b.InUse).SingleOrDefaultAsync(Ct));

    /// <summary>What a device holds for a reservation request: its key and request code.</summary>
    private sealed class Device : IDisposable
    {
        public Device(string serial)
        {
            Udi = new Udi("ASAv", serial);
            Key = Ed25519SigningKey.Create();
            Request = ReservationRequestCode.Create(Udi, Key.PublicKey, UniversalV10);
        }

        public Udi Udi { get; }

        public Ed25519SigningKey Key { get; }

        public ReservationRequestCode Request { get; }

        public ReservationReturnCode Return(ReservationAuthorizationCode authorization) =>
            ReservationReturnCode.Create(Request, UniversalV10, authorization, Key);

        public void Dispose() => Key.Dispose();
    }
}

public sealed class SqliteReservationTests() : ReservationTests(StoreKind.Sqlite);

public sealed class PostgresReservationTests() : ReservationTests(StoreKind.Postgres);
