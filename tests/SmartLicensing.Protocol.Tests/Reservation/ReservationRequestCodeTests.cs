using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Protocol.Tests.Reservation;

public sealed class ReservationRequestCodeTests(ReservationCodeFixture fixture) : IClassFixture<ReservationCodeFixture>
{
    // Frozen for format version 1: the device key is the seed 01..20 and the UDI PID:ASAv,SN:9AHV3KJBEKE.
    private const string FrozenVersion1 = "CB-ZASAv:9AHV3KJBEKE-05WVAP-NHEHZW-K59YAE-0F2RHK-5T59H6-EKS07K-W57BKE-9BFPQ7-W3HS25-2XD0JF-B69S20-W28E93-X7GA";

    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var text = fixture.Request.Format();

        Assert.True(ReservationRequestCode.TryParse(text, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Request, parsed);
        Assert.True(parsed.Requests(ReservationCodeFixture.Tag));
        Assert.False(parsed.Requests("regid.2016-02.com.cisco.ASAv-UNIVERSAL-V30,1.0_x"));
    }

    [Fact]
    public void Format_HasPrefixUdiAndThirteenGroups()
    {
        var text = fixture.Request.Format();

        Assert.StartsWith("CB-ZASAv:9AHV3KJBEKE-", text, StringComparison.Ordinal);
        var groups = text["CB-ZASAv:9AHV3KJBEKE-".Length..].Split('-');
        Assert.Equal(13, groups.Length);
        Assert.All(groups[..^1], g => Assert.Equal(6, g.Length));
    }

    [Fact]
    public void Format_Version1_MatchesFrozenText()
    {
        Assert.Equal(FrozenVersion1, fixture.Request.Format());
    }

    [Fact]
    public void TryParse_LowerCase_SameCode()
    {
        var text = fixture.Request.Format();
        var head = "CB-ZASAv:9AHV3KJBEKE-";
        var typed = head + text[head.Length..].ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal);

        Assert.True(ReservationRequestCode.TryParse(typed, out var parsed, out _));
        Assert.Equal(fixture.Request, parsed);
    }

    [Fact]
    public void TryParse_AnySubstitution_TypoGroup()
    {
        var text = fixture.Request.Format();
        var bodyStart = "CB-ZASAv:9AHV3KJBEKE-".Length;

        foreach (var (typo, index) in ReservationCodeFixture.SingleSubstitutions(text, bodyStart))
        {
            Assert.False(ReservationRequestCode.TryParse(typo, out _, out var error), $"substitution at {index} was not detected: {typo}");
            Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
            Assert.Equal(((index - bodyStart) / 7) + 1, error.Group);
        }
    }

    [Fact]
    public void TryParse_AlteredSerial_Typo()
    {
        var text = fixture.Request.Format().Replace("9AHV3KJBEKE", "9AHV3KJBEKF", StringComparison.Ordinal);

        Assert.False(ReservationRequestCode.TryParse(text, out _, out var error));
        Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
    }

    [Fact]
    public void TryParse_LastGroupMissing_WrongLength()
    {
        var text = fixture.Request.Format();
        var truncated = text[..text.LastIndexOf('-')];

        Assert.False(ReservationRequestCode.TryParse(truncated, out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
    }

    [Fact]
    public void TryParse_CharacterMissing_WrongLength()
    {
        var text = fixture.Request.Format();

        Assert.False(ReservationRequestCode.TryParse(text[..^1], out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABP:ASAv,S:9AU5ET6UQHD")]
    public void TryParse_NotARequestCode_Fails(string text)
    {
        Assert.False(ReservationRequestCode.TryParse(text, out _, out var error));
        Assert.NotEqual(ReservationCodeProblem.Typo, error.Problem);
    }
}
