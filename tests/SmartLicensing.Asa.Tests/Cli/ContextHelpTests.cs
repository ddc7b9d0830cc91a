using SmartLicensing.Asa.Tests.Fakes;

namespace SmartLicensing.Asa.Tests.Cli;

/// <summary>Context help after words, and the ASA's wording for a lone ambiguous word.</summary>
public sealed class ContextHelpTests : IDisposable
{
    private readonly TestDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public async Task ShowQuestionMark_ListsShowKeywords()
    {
        var (_, output) = await _device.RunAsync("enable\nshow ?\n");

        Assert.DoesNotContain("Invalid input", output, StringComparison.Ordinal);
        Assert.Contains("\n  license\n", output, StringComparison.Ordinal);
        Assert.Contains("\n  version\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowLicQuestionMark_ListsLicenseKeywords()
    {
        var (_, output) = await _device.RunAsync("enable\nshow lic ?\n");

        Assert.DoesNotContain("Invalid input", output, StringComparison.Ordinal);
        Assert.Contains("\n  all\n", output, StringComparison.Ordinal);
        Assert.Contains("\n  status\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicenseSmartQuestionMark_ListsNextKeywords()
    {
        var (_, output) = await _device.RunAsync("enable\nlicense smart ?\n");

        Assert.DoesNotContain("Invalid input", output, StringComparison.Ordinal);
        Assert.Contains("\n  register\n", output, StringComparison.Ordinal);
        Assert.Contains("\n  deregister\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartialWordQuestionMark_ListsCompletions()
    {
        var (_, output) = await _device.RunAsync("enable\nshow license st?\n");

        Assert.Contains("\n  status\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  all\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionMarkAfterWrongWord_IsInvalidInput()
    {
        var (_, output) = await _device.RunAsync("enable\nshow bogus ?\n");

        Assert.Contains("ERROR: % Invalid input detected at '^' marker.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s")]
    [InlineData("c")]
    public async Task LoneAmbiguousWord_SaysAmbiguous(string word)
    {
        var (_, output) = await _device.RunAsync($"enable\n{word}\n");

        Assert.Contains($"ERROR: % Ambiguous command:  \"{word}\"\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoneFullWord_StaysIncomplete()
    {
        var (_, output) = await _device.RunAsync("enable\nshow\n");

        Assert.Contains("ERROR: % Incomplete command\n", output, StringComparison.Ordinal);
    }
}
