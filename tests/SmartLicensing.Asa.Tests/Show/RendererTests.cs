namespace SmartLicensing.Asa.Tests.Show;

/// <summary>Each show renderer against its expected text in Expected/.</summary>
public sealed class RendererTests
{
    public static TheoryData<string> CaseNames => [.. RendererCases.All.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Render_Case_MatchesExpectedText(string name)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name + ".txt"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);

        var actual = RendererCases.All[name]();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ExpectedFolder_HasNoUnusedFiles()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Expected"), "*.txt")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(RendererCases.All.Keys.Order(StringComparer.Ordinal), files);
    }
}
