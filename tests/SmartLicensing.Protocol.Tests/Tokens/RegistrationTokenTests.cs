using SmartLicensing.Protocol.Tokens;

namespace SmartLicensing.Protocol.Tests.Tokens;

public sealed class RegistrationTokenTests
{
    private static readonly Guid TokenId = Guid.Parse("5e5b3b5a-13f9-4f2b-9b6e-1f0b0c6d2a11");
    private const long Created = 1_780_000_000_123;

    private static RegistrationToken Sample() => new(TokenId, Created, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var token = Sample();

        Assert.True(RegistrationToken.TryDecode(token.Encode(), out var decoded));
        Assert.Equal(TokenId, decoded.TokenId);
        Assert.Equal(Created, decoded.CreatedUnixMilliseconds);
        Assert.Equal(token.Mac, decoded.Mac);
    }

    [Fact]
    public void Encode_HasPublicShape()
    {
        var text = Sample().Encode();
        var inner = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(text));

        Assert.True(text.Length <= RegistrationToken.MaxLength, $"token is {text.Length} characters");
        Assert.StartsWith($"{TokenId:D}-{Created}|", inner, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_WrappedText_IgnoresLineBreaks()
    {
        var text = Sample().Encode();
        var wrapped = $"{text[..60]}\n{text[60..]}\r\n";

        Assert.True(RegistrationToken.TryDecode(wrapped, out var decoded));
        Assert.Equal(TokenId, decoded.TokenId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("aGVsbG8=")]
    [InlineData("NWU1YjNiNWEtMTNmOS00ZjJiLTliNmUtMWYwYjBjNmQyYTExLTE3ODB8YWJj")]
    public void TryDecode_Garbage_ReturnsFalse(string text)
    {
        Assert.False(RegistrationToken.TryDecode(text, out _));
    }

    [Fact]
    public void TryDecode_TooLong_ReturnsFalse()
    {
        Assert.False(RegistrationToken.TryDecode(new string('A', RegistrationToken.MaxLength + 4), out _));
    }
}
