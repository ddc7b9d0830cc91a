using SmartLicensing.Protocol.Reservation;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Protocol.Tests.Reservation;

public sealed class ReservationReturnCodeTests(ReservationCodeFixture fixture) : IClassFixture<ReservationCodeFixture>
{
    [Fact]
    public void Format_ThenTryParse_RoundTripsAndVerifies()
    {
        var text = fixture.Return.Format();

        Assert.True(ReservationReturnCode.TryParse(text, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Return, parsed);
        Assert.True(parsed.IsFor(fixture.Request));
        Assert.True(parsed.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Authorization));
    }

    [Fact]
    public void Create_SameInputs_GivesTheSameCode()
    {
        var again = ReservationReturnCode.Create(fixture.Request, ReservationCodeFixture.Tag, fixture.Authorization, fixture.DeviceKey);

        Assert.Equal(fixture.Return.Format(), again.Format());
    }

    [Fact]
    public void TryParse_AnySubstitution_TypoGroup()
    {
        var text = fixture.Return.Format();

        foreach (var (typo, index) in ReservationCodeFixture.SingleSubstitutions(text))
        {
            Assert.False(ReservationReturnCode.TryParse(typo, out _, out var error), $"substitution at {index} was not detected");
            Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
            Assert.Equal((index / 7) + 1, error.Group);
        }
    }

    [Fact]
    public void TryParse_Truncated_IsReportedAsWrongLength()
    {
        Assert.False(ReservationReturnCode.TryParse(fixture.Return.Format()[..^3], out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_Fails()
    {
        using var stranger = Ed25519SigningKey.Create();
        var forgedRequest = fixture.Request with { PublicKey = stranger.PublicKey };
        var forged = ReservationReturnCode.Create(forgedRequest, ReservationCodeFixture.Tag, fixture.Authorization, stranger);

        Assert.False(forged.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Authorization));
    }

    [Fact]
    public void Verify_OtherDevice_Fails()
    {
        var foreign = ReservationReturnCode.Create(fixture.OtherRequest, ReservationCodeFixture.Tag, fixture.OtherAuthorization, fixture.OtherDeviceKey);

        Assert.False(foreign.IsFor(fixture.Request));
        Assert.False(foreign.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Authorization));
    }

    [Fact]
    public void Verify_AgainstAnotherAuthorization_Fails()
    {
        var reissued = ReservationAuthorizationCode.Create(fixture.Request, ReservationCodeFixture.Tag, exportAllowed: true, fixture.SignWithRoot);

        Assert.False(fixture.Return.Verify(fixture.Request, ReservationCodeFixture.Tag, reissued));
    }

    [Fact]
    public void Verify_AlteredSignatureWithValidChecks_Fails()
    {
        var signature = fixture.Return.Signature.ToArray();
        signature[0] ^= 0x80;
        var tampered = fixture.Return with { Signature = signature };

        Assert.True(ReservationReturnCode.TryParse(tampered.Format(), out var parsed, out _));
        Assert.False(parsed.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Authorization));
    }
}
