using SmartLicensing.Cli.Connection;

namespace SmartLicensing.Cli.Tests.Connection;

public sealed class AdminEnvFileTests
{
    [Fact]
    public void Parse_PlainLines_ReadsServerAndKey()
    {
        var file = AdminEnvFile.Parse("SMARTLIC_SERVER=https://127.0.0.1:8443\nSMARTLIC_API_KEY=abc123\n");

        Assert.Equal("https://127.0.0.1:8443", file.Server);
        Assert.Equal("abc123", file.ApiKey);
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndCrLf_AreSkipped()
    {
        var text = "# written by smartlic authority\r\n\r\nSMARTLIC_SERVER=https://127.0.0.1:9000\r\n  # indented comment\r\nSMARTLIC_API_KEY=key\r\n";

        var file = AdminEnvFile.Parse(text);

        Assert.Equal("https://127.0.0.1:9000", file.Server);
        Assert.Equal("key", file.ApiKey);
        Assert.Equal(2, file.Values.Count);
    }

    [Fact]
    public void Parse_ExportPrefixAndQuotes_AreRemoved()
    {
        var file = AdminEnvFile.Parse("export SMARTLIC_SERVER=\"https://127.0.0.1:8443\"\nexport SMARTLIC_API_KEY='k=with=equals'\n");

        Assert.Equal("https://127.0.0.1:8443", file.Server);
        Assert.Equal("k=with=equals", file.ApiKey);
    }

    [Fact]
    public void Parse_LinesWithoutEquals_AreIgnored()
    {
        var file = AdminEnvFile.Parse("not a setting\n=novalue\nSMARTLIC_API_KEY=k\n");

        Assert.Null(file.Server);
        Assert.Equal("k", file.ApiKey);
    }
}
