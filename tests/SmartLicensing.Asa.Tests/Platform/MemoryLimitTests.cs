using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Platform;

public sealed class MemoryLimitTests
{
    [Theory]
    [InlineData("999999G")]
    [InlineData("1025GB")]
    public void Resolve_MemoryAboveOneTerabyte_NamesValue(string memory)
    {
        var resolution = PlatformResolver.Resolve(null, null, memory, CatalogLoader.BuiltIn);

        Assert.Null(resolution.Platform);
        Assert.Contains($"--memory '{memory}' is more than 1024GB", resolution.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MemoryOfOneTerabyte_IsAccepted()
    {
        var resolution = PlatformResolver.Resolve(null, null, "1024GB", CatalogLoader.BuiltIn);

        Assert.NotNull(resolution.Platform);
    }
}
