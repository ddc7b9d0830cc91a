using SmartLicensing.Asa.Platform;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Tests.Platform;

public sealed class PlatformResolverTests
{
    private static PlatformResolution Resolve(string? model = null, int? vcpus = null, string? memory = null) =>
        PlatformResolver.Resolve(model, vcpus, memory, CatalogLoader.BuiltIn);

    [Fact]
    public void Resolve_NoOptions_BootsAsav10WithItsResources()
    {
        var platform = Resolve().Platform!;

        Assert.Equal("ASAv10", platform.Model.Model);
        Assert.Equal(1, platform.Vcpus);
        Assert.Equal(2048, platform.MemoryMb);
    }

    [Theory]
    [InlineData(1, "1GB", "ASAv5")]
    [InlineData(1, "2GB", "ASAv10")]
    [InlineData(1, "8GB", "ASAv10")]
    [InlineData(4, "8GB", "ASAv30")]
    [InlineData(4, "16384MB", "ASAv30")]
    [InlineData(8, "16G", "ASAv50")]
    [InlineData(16, "64GB", "ASAv100")]
    [InlineData(8, "64GB", "ASAv50")]
    [InlineData(8, "2GB", "ASAv10")]
    public void Resolve_VcpusAndMemory_PicksLargestModelThatFits(int vcpus, string memory, string expected)
    {
        var resolution = Resolve(vcpus: vcpus, memory: memory);

        Assert.Null(resolution.Error);
        Assert.Equal(expected, resolution.Platform!.Model.Model);
        Assert.Equal(vcpus, resolution.Platform.Vcpus);
    }

    [Theory]
    [InlineData(1, "ASAv10", 2048)]
    [InlineData(4, "ASAv30", 8192)]
    public void Resolve_OnlyVcpus_TakesModelMemory(int vcpus, string expected, int memoryMb)
    {
        var platform = Resolve(vcpus: vcpus).Platform!;

        Assert.Equal(expected, platform.Model.Model);
        Assert.Equal(memoryMb, platform.MemoryMb);
    }

    [Fact]
    public void Resolve_ModelInAnyCase_IsFound()
    {
        var platform = Resolve(model: "asav30").Platform!;

        Assert.Equal("ASAv30", platform.Model.Model);
        Assert.Equal(4, platform.Vcpus);
        Assert.Equal(8192, platform.MemoryMb);
    }

    [Theory]
    [InlineData("ASAv20", null, null, "'ASAv20' is not an ASAv model")]
    [InlineData(null, null, "lots", "--memory 'lots' is not a memory size")]
    [InlineData(null, null, "2048", "--memory '2048' is not a memory size")]
    [InlineData(null, 0, null, "--vcpus 0 is invalid")]
    [InlineData(null, 1, "512MB", "no ASAv model fits 1 vCPU and 512MB of memory")]
    [InlineData("ASAv30", 1, null, "ASAv30 needs at least 4 vCPUs and 8GB of memory")]
    public void Resolve_InvalidOptions_NamesValueAndFix(string? model, int? vcpus, string? memory, string expected)
    {
        var resolution = Resolve(model, vcpus, memory);

        Assert.Null(resolution.Platform);
        Assert.Contains(expected, resolution.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2GB", 2048)]
    [InlineData("2048MB", 2048)]
    [InlineData("8G", 8192)]
    [InlineData("1.5 GB", 1536)]
    [InlineData("512m", 512)]
    public void TryParseMegabytes_UnitsAndCase_Parse(string text, int expected)
    {
        Assert.True(MemorySize.TryParseMegabytes(text, out var megabytes));
        Assert.Equal(expected, megabytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GB")]
    [InlineData("-2GB")]
    [InlineData("2TB")]
    [InlineData("1.0001MB")]
    public void TryParseMegabytes_Invalid_ReturnsFalse(string text)
    {
        Assert.False(MemorySize.TryParseMegabytes(text, out _));
    }
}
