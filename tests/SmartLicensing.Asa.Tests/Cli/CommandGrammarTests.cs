using SmartLicensing.Asa.Cli;

namespace SmartLicensing.Asa.Tests.Cli;

public sealed class CommandGrammarTests
{
    private static readonly CommandHandler Nothing = static (_, _, _) => Task.CompletedTask;

    private static CommandGrammar Grammar() => new CommandGrammar()
        .Add("show license all", Nothing)
        .Add("show license status", Nothing)
        .Add("show license summary", Nothing)
        .Add("show running-config", Nothing)
        .Add("configure terminal", Nothing)
        .Add("write memory", Nothing)
        .Add("license smart", Nothing)
        .Add("license smart register idtoken <token> [force]", Nothing)
        .Add("license smart renew {id|auth}", Nothing)
        .Add("throughput level {100M|1G|2G|10G}", Nothing);

    private static ParseOutcome Parse(string line) => Grammar().Parse(CommandToken.Split(line));

    [Theory]
    [InlineData("conf t", "configure terminal")]
    [InlineData("sh lic all", "show license all")]
    [InlineData("SH LIC ALL", "show license all")]
    [InlineData("wr mem", "write memory")]
    [InlineData("sh run", "show running-config")]
    [InlineData("lic sm", "license smart")]
    [InlineData("lic sm ren auth", "license smart renew {id|auth}")]
    public void Parse_UniquePrefixes_MatchCommand(string line, string syntax)
    {
        var outcome = Parse(line);

        Assert.Equal(ParseStatus.Matched, outcome.Status);
        Assert.Equal(syntax, outcome.Command!.Syntax);
    }

    [Fact]
    public void Parse_AmbiguousPrefix_ReportsAmbiguousAtThatWord()
    {
        var outcome = Parse("show license s");

        Assert.Equal(ParseStatus.Ambiguous, outcome.Status);
        Assert.Equal(2, outcome.TokenIndex);
    }

    [Fact]
    public void Parse_ExactKeyword_WinsOverLongerKeywords()
    {
        var outcome = Parse("throughput level 1G");

        Assert.Equal(ParseStatus.Matched, outcome.Status);
        Assert.True(outcome.Invocation!.Has("1g"));
        Assert.False(outcome.Invocation.Has("10g"));
    }

    [Fact]
    public void Parse_MisspelledWord_ReportsInvalidAtThatWord()
    {
        var outcome = Parse("show licnse all");

        Assert.Equal(ParseStatus.Invalid, outcome.Status);
        Assert.Equal(1, outcome.TokenIndex);
    }

    [Fact]
    public void Parse_UnknownAlternative_ReportsInvalid()
    {
        var outcome = Parse("throughput level 5G");

        Assert.Equal(ParseStatus.Invalid, outcome.Status);
        Assert.Equal(2, outcome.TokenIndex);
    }

    [Theory]
    [InlineData("show license")]
    [InlineData("license smart register idtoken")]
    [InlineData("configure")]
    public void Parse_MissingWords_ReportsIncomplete(string line)
    {
        Assert.Equal(ParseStatus.Incomplete, Parse(line).Status);
    }

    [Fact]
    public void Parse_ArgumentAndOptionalKeyword_AreBound()
    {
        var withForce = Parse("license smart register idtoken AbC123== force");
        var withoutForce = Parse("license smart register idtoken AbC123==");

        Assert.Equal("AbC123==", withForce.Invocation!.Argument("token"));
        Assert.True(withForce.Invocation.Has("force"));
        Assert.Equal("AbC123==", withoutForce.Invocation!.Argument("token"));
        Assert.False(withoutForce.Invocation.Has("force"));
    }

    [Fact]
    public void Split_RecordsStartColumns()
    {
        var tokens = CommandToken.Split("  show   licnse all");

        Assert.Equal([2, 9, 16], tokens.Select(t => t.Start));
        Assert.Equal(["show", "licnse", "all"], tokens.Select(t => t.Text));
    }
}
