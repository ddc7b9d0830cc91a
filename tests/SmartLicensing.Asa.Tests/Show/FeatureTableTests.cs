namespace SmartLicensing.Asa.Tests.Show;

/// <summary><c>show license features</c> of every model and state against its expected text in Expected/Features/.</summary>
public sealed class FeatureTableTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Expected", "Features");

    public static TheoryData<string> CaseNames => [.. FeatureTableCases.All.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ShowLicenseFeatures_ModelAndState_MatchesExpectedText(string name)
    {
        var path = Path.Combine(Folder, name + ".txt");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        var actual = FeatureTableCases.All[name]();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ExpectedFeaturesFolder_HasNoUnusedFiles()
    {
        var files = Directory.GetFiles(Folder, "*.txt")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(FeatureTableCases.All.Keys.Order(StringComparer.Ordinal), files);
    }
}
