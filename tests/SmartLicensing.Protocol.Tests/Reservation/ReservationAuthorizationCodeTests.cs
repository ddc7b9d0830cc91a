using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Protocol.Tests.Reservation;

public sealed class ReservationAuthorizationCodeTests(ReservationCodeFixture fixture) : IClassFixture<ReservationCodeFixture>
{
    [Fact]
    public void Format_ThenTryParse_RoundTripsAndVerifies()
    {
        var text = fixture.Authorization.Format();

        Assert.True(ReservationAuthorizationCode.TryParse(text, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Authorization, parsed);
        Assert.True(parsed.ExportAllowed);
        Assert.True(parsed.IsFor(fixture.Request));
        Assert.True(parsed.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Trustpool));
    }

    [Fact]
    public void Format_Has23GroupsOfSix()
    {
        var groups = fixture.Authorization.Format().Split('-');

        Assert.Equal(23, groups.Length);
        Assert.All(groups[..^1], g => Assert.Equal(6, g.Length));
    }

    [Fact]
    public void TryParse_AnySubstitution_TypoGroup()
    {
        var text = fixture.Authorization.Format();

        foreach (var (typo, index) in ReservationCodeFixture.SingleSubstitutions(text))
        {
            Assert.False(ReservationAuthorizationCode.TryParse(typo, out _, out var error), $"substitution at {index} was not detected");
            Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
            Assert.Equal((index / 7) + 1, error.Group);
        }
    }

    [Fact]
    public void TryParse_InvalidCharacter_NamesGroupAndCharacter()
    {
        var text = fixture.Authorization.Format();
        var typo = string.Concat(text.AsSpan(0, 9), "U", text.AsSpan(10));

        Assert.False(ReservationAuthorizationCode.TryParse(typo, out _, out var error));
        Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
        Assert.Equal(2, error.Group);
        Assert.Equal(3, error.Character);
    }

    [Fact]
    public void TryParse_Truncated_IsReportedAsWrongLength()
    {
        var text = fixture.Authorization.Format();

        Assert.False(ReservationAuthorizationCode.TryParse(text[..^8], out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
    }

    [Fact]
    public void Verify_OtherDevice_Fails()
    {
        var foreign = fixture.OtherAuthorization;

        Assert.False(foreign.IsFor(fixture.Request));
        Assert.False(foreign.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Trustpool));
    }

    [Fact]
    public void Verify_AlteredSignatureWithValidChecks_Fails()
    {
        var signature = fixture.Authorization.Signature.ToArray();
        signature[10] ^= 0x01;
        var tampered = fixture.Authorization with { Signature = signature };

        // The tampered code has correct check characters, so it reads, but its signature fails.
        Assert.True(ReservationAuthorizationCode.TryParse(tampered.Format(), out var parsed, out _));
        Assert.False(parsed.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Trustpool));
    }

    [Fact]
    public void Verify_ExportFlagFlipped_Fails()
    {
        var tampered = fixture.Authorization with { ExportAllowed = false };

        Assert.False(tampered.Verify(fixture.Request, ReservationCodeFixture.Tag, fixture.Trustpool));
    }

    [Fact]
    public void Verify_OtherEntitlement_Fails()
    {
        Assert.False(fixture.Authorization.Verify(fixture.Request, "regid.2016-02.com.cisco.ASAv-UNIVERSAL-V50,1.0_x", fixture.Trustpool));
    }

    [Fact]
    public void Verify_UntrustedRoot_Fails()
    {
        Assert.False(fixture.Authorization.Verify(fixture.Request, ReservationCodeFixture.Tag, [fixture.OtherRoot]));
    }

    [Fact]
    public void Confirmation_IsEightHexDigitsThatParse()
    {
        var confirmation = fixture.Authorization.Confirmation;

        Assert.Matches("^[0-9A-F]{8}$", confirmation.Text);
        Assert.True(ReservationConfirmationCode.TryParse(confirmation.Text.ToLowerInvariant(), out var parsed, out _));
        Assert.Equal(confirmation, parsed);
        Assert.NotEqual(confirmation, fixture.OtherAuthorization.Confirmation);
    }

    [Fact]
    public void ConfirmationTryParse_AnySubstitution_Typo()
    {
        var text = fixture.Authorization.Confirmation.Text;
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var digit in "0123456789ABCDEF")
            {
                if (digit == text[i])
                {
                    continue;
                }

                var typo = string.Concat(text.AsSpan(0, i), digit.ToString(), text.AsSpan(i + 1));
                Assert.False(ReservationConfirmationCode.TryParse(typo, out _, out var error), $"'{typo}' was accepted");
                Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
            }
        }
    }
}
