using System.Globalization;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Platform;

/// <summary>The platform an ASAv boots with, or the reason the options describe none.</summary>
internal sealed record PlatformResolution(AsaPlatform? Platform, string? Error);

/// <summary>
/// Works out the ASAv model from the boot options. An ASAv takes its model from the resources of
/// its virtual machine: the largest model whose vCPU and memory needs both fit. An explicit model
/// must fit the resources given with it.
/// </summary>
internal static class PlatformResolver
{
    public const string DefaultModel = "ASAv10";

    /// <summary>Largest virtual machine memory accepted, 1 TB: far above any ASAv model, so a larger value is a typing slip.</summary>
    public const int MaxMemoryMb = 1024 * 1024;

    public static PlatformResolution Resolve(string? model, int? vcpus, string? memory, ProductCatalog catalog)
    {
        var models = catalog.AsavModels;
        if (models.Count == 0)
        {
            return Fail($"the catalog '{catalog.Name}' defines no ASAv models.");
        }

        if (vcpus is < 1)
        {
            return Fail(Invariant($"--vcpus {vcpus} is invalid: an ASAv needs at least 1 vCPU."));
        }

        int? memoryMb = null;
        if (memory is not null)
        {
            if (!MemorySize.TryParseMegabytes(memory, out var parsed))
            {
                return Fail($"--memory '{memory}' is not a memory size. Give a whole number of MB or GB with its unit, for example 2GB or 2048MB.");
            }

            if (parsed > MaxMemoryMb)
            {
                return Fail($"--memory '{memory}' is more than {MemorySize.Format(MaxMemoryMb)}, the most this emulator accepts. Give the memory of the virtual machine, for example 2GB or 8GB.");
            }

            memoryMb = parsed;
        }

        if (model is not null)
        {
            return ResolveNamedModel(model, vcpus, memoryMb, catalog);
        }

        if (vcpus is null && memoryMb is null)
        {
            var fallback = catalog.FindAsavModel(DefaultModel) ?? models[0];
            return new PlatformResolution(new AsaPlatform(fallback, fallback.Vcpus, fallback.MemoryMb), null);
        }

        var fitting = models
            .Where(m => (vcpus is null || m.Vcpus <= vcpus) && (memoryMb is null || m.MemoryMb <= memoryMb))
            .ToList();
        if (fitting.Count == 0)
        {
            var smallest = models[0];
            return Fail(Invariant(
                $"no ASAv model fits {DescribeResources(vcpus, memoryMb)}; the smallest, {smallest.Model}, needs {DescribeResources(smallest.Vcpus, smallest.MemoryMb)}. Give more vCPUs or memory, or choose a model with --model."));
        }

        // The catalog lists models in ascending order, so the last one that fits is the largest.
        var chosen = fitting[^1];
        return new PlatformResolution(new AsaPlatform(chosen, vcpus ?? chosen.Vcpus, memoryMb ?? chosen.MemoryMb), null);
    }

    private static PlatformResolution ResolveNamedModel(string name, int? vcpus, int? memoryMb, ProductCatalog catalog)
    {
        var model = catalog.FindAsavModel(name.Trim());
        if (model is null)
        {
            var known = string.Join(", ", catalog.AsavModels.Select(m => m.Model));
            return Fail($"--model '{name}' is not an ASAv model. Use one of {known}.");
        }

        if (vcpus < model.Vcpus || memoryMb < model.MemoryMb)
        {
            return Fail(Invariant(
                $"{model.Model} needs at least {DescribeResources(model.Vcpus, model.MemoryMb)}, but the options give {DescribeResources(vcpus ?? model.Vcpus, memoryMb ?? model.MemoryMb)}. Give more vCPUs or memory, or choose a smaller model."));
        }

        return new PlatformResolution(new AsaPlatform(model, vcpus ?? model.Vcpus, memoryMb ?? model.MemoryMb), null);
    }

    private static string DescribeResources(int? vcpus, int? memoryMb)
    {
        var parts = new List<string>();
        if (vcpus is { } cpus)
        {
            parts.Add(Invariant($"{cpus} vCPU{(cpus == 1 ? "" : "s")}"));
        }

        if (memoryMb is { } mb)
        {
            parts.Add($"{MemorySize.Format(mb)} of memory");
        }

        return string.Join(" and ", parts);
    }

    private static PlatformResolution Fail(string error) => new(null, error);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
