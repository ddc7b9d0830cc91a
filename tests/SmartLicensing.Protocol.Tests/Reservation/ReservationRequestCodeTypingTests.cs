using SmartLicensing.Protocol.Reservation;

namespace SmartLicensing.Protocol.Tests.Reservation;

/// <summary>Request codes as people type them: without dashes, with spaces, with a typo in the UDI.</summary>
public sealed class ReservationRequestCodeTypingTests(ReservationCodeFixture fixture) : IClassFixture<ReservationCodeFixture>
{
    private const string Head = "CB-ZASAv:9AHV3KJBEKE-";

    [Fact]
    public void TryParse_NoDashes_SameCode()
    {
        var text = fixture.Request.Format();
        var typed = "CB-ZASAv:9AHV3KJBEKE" + text[Head.Length..].Replace("-", "", StringComparison.Ordinal);

        Assert.True(ReservationRequestCode.TryParse(typed, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Request, parsed);
    }

    [Fact]
    public void TryParse_SpacesBetweenGroups_SameCode()
    {
        var text = fixture.Request.Format();
        var typed = "CB-ZASAv:9AHV3KJBEKE " + text[Head.Length..].Replace("-", " ", StringComparison.Ordinal);

        Assert.True(ReservationRequestCode.TryParse(typed, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Request, parsed);
    }

    [Fact]
    public void TryParse_DashAfterSerialOnly_SameCode()
    {
        var text = fixture.Request.Format();
        var typed = Head + text[Head.Length..].Replace("-", "", StringComparison.Ordinal);

        Assert.True(ReservationRequestCode.TryParse(typed, out var parsed, out var error), error?.Message);
        Assert.Equal(fixture.Request, parsed);
    }

    [Fact]
    public void TryParse_NoDashesOneTypo_NamesGroup()
    {
        var text = fixture.Request.Format();
        var body = text[Head.Length..].Replace("-", "", StringComparison.Ordinal);
        var wrong = body[8] == '7' ? '8' : '7';
        var typed = "CB-ZASAv:9AHV3KJBEKE" + body[..8] + wrong + body[9..];

        Assert.False(ReservationRequestCode.TryParse(typed, out _, out var error));
        Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
        Assert.Equal(2, error.Group);
    }

    [Fact]
    public void TryParse_OneCharacterWrongInSerial_NamesSerialNumber()
    {
        var text = fixture.Request.Format().Replace("9AHV3KJBEKE", "9AHV3KJBEKF", StringComparison.Ordinal);

        Assert.False(ReservationRequestCode.TryParse(text, out _, out var error));
        Assert.Equal(ReservationCodeProblem.Typo, error.Problem);
        Assert.Contains("serial number", error.Message, StringComparison.Ordinal);
        Assert.Contains("ASAv:9AHV3KJBEKF", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("two or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OnlyOneGroup_SaysOneGroup()
    {
        var text = fixture.Request.Format();
        var typed = Head + text[Head.Length..].Split('-')[0];

        Assert.False(ReservationRequestCode.TryParse(typed, out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
        Assert.DoesNotContain("1 groups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LastGroupMissing_SaysTwelveGroups()
    {
        var text = fixture.Request.Format();

        Assert.False(ReservationRequestCode.TryParse(text[..text.LastIndexOf('-')], out _, out var error));
        Assert.Equal(ReservationCodeProblem.WrongLength, error.Problem);
        Assert.Contains("it has 12 groups, but a request code has 13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorizationCodeTryParse_WrongLength_UsesAn()
    {
        var text = fixture.Authorization.Format();

        Assert.False(ReservationAuthorizationCode.TryParse(text[..^2], out _, out var error));
        Assert.Contains("but an authorization code has", error.Message, StringComparison.Ordinal);
    }
}
