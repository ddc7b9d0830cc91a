using SmartLicensing.Protocol.Encoding;
using SmartLicensing.Protocol.Signing;

namespace SmartLicensing.Protocol.Tests.Signing;

public sealed class CompactJwsTests
{
    private static readonly byte[] Payload = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"deregister\"}");

    [Fact]
    public void Sign_ThenParse_VerifiesWithSignerKey()
    {
        using var key = Ed25519SigningKey.Create();

        var compact = CompactJws.Sign(new JwsHeader { KeyId = key.KeyId }, Payload, key);

        Assert.True(CompactJws.TryParse(compact, out var jws, out var error), error);
        Assert.Equal(key.KeyId, jws.Header.KeyId);
        Assert.Equal(Payload, jws.Payload);
        Assert.True(jws.Verify(key.PublicKey));
    }

    [Fact]
    public void Verify_OtherKey_Fails()
    {
        using var signer = Ed25519SigningKey.Create();
        using var other = Ed25519SigningKey.Create();

        var compact = CompactJws.Sign(new JwsHeader(), Payload, signer);

        Assert.True(CompactJws.TryParse(compact, out var jws, out _));
        Assert.False(jws.Verify(other.PublicKey));
    }

    [Fact]
    public void Verify_AlteredPayload_Fails()
    {
        using var key = Ed25519SigningKey.Create();
        var parts = CompactJws.Sign(new JwsHeader(), Payload, key).Split('.');
        var altered = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes("{\"type\":\"register\"}"));

        Assert.True(CompactJws.TryParse($"{parts[0]}.{altered}.{parts[2]}", out var jws, out _));
        Assert.False(jws.Verify(key.PublicKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!.??.**")]
    public void TryParse_NotCompactJws_FailsWithReason(string text)
    {
        Assert.False(CompactJws.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_AlgorithmNone_IsRejected()
    {
        var header = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"none\"}"));
        var payload = Base64Url.Encode(Payload);

        Assert.False(CompactJws.TryParse($"{header}.{payload}.", out _, out var error));
        Assert.Contains("none", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverMaximumLength_IsRejected()
    {
        var text = new string('a', CompactJws.MaxLength + 1);

        Assert.False(CompactJws.TryParse(text, out _, out var error));
        Assert.Contains("allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPrivateKey_ExportedKey_SignsTheSame()
    {
        using var key = Ed25519SigningKey.Create();
        using var copy = Ed25519SigningKey.ImportPrivateKey(key.ExportPrivateKey());

        Assert.Equal(key.PublicKey, copy.PublicKey);
        Assert.Equal(key.KeyId, copy.KeyId);
        Assert.True(Ed25519Keys.Verify(key.PublicKey, Payload, copy.Sign(Payload)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Verify_WrongKeySize_ReturnsFalse(int size)
    {
        Assert.False(Ed25519Keys.Verify(new byte[size], Payload, new byte[Ed25519Keys.SignatureSize]));
    }
}
