using System.Globalization;
using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Platform;

/// <summary>
/// Works out the ASA application's platform on a Firepower chassis from the boot options: the
/// chassis platform (<c>fpr4100</c>, <c>fpr9300</c>), the model or security module, and the number of modules.
/// </summary>
internal static class FirepowerResolver
{
    /// <summary>Whether the platform option names a Firepower chassis rather than the ASAv.</summary>
    public static bool IsFirepower(string? platform) =>
        platform is not null && !string.Equals(platform.Trim(), "asav", StringComparison.OrdinalIgnoreCase);

    public static PlatformResolution Resolve(string platformId, string? model, int? modules, ProductCatalog catalog)
    {
        var platform = catalog.FindPlatform(platformId.Trim());
        var models = platform is null ? [] : catalog.FirepowerModels.Where(m => m.Platform == platform).ToList();
        if (platform is null || models.Count == 0)
        {
            var known = string.Join(", ", catalog.FirepowerModels.Select(m => m.Platform.Id).Distinct());
            return Fail($"--platform '{platformId}' is not a Firepower platform. Use asav or one of {known}.");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            return Fail($"{platform.Name} needs a model. Give --model with one of {Names(models)}.");
        }

        var chosen = models.FirstOrDefault(m => Matches(m, model.Trim()));
        if (chosen is null)
        {
            return Fail($"--model '{model}' is not a {platform.Name} model. Use one of {Names(models)}.");
        }

        var maximumModules = chosen.Chassis?.Modules ?? 1;
        var count = modules ?? 1;
        if (count < 1 || count > maximumModules)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"--modules {count} is invalid: a {platform.Name} chassis holds 1{(maximumModules > 1 ? $" to {maximumModules}" : "")} security module{(maximumModules > 1 ? "s" : "")}."));
        }

        // The ASA software is the same family on every platform; the ASAv model only fills the record.
        return new PlatformResolution(new AsaPlatform(catalog.AsavModels[^1], 0, 0) { Firepower = chosen, Modules = count }, null);
    }

    /// <summary>Matches <c>Firepower 4110</c> by its full name, by <c>4110</c>, or a 9300 module by <c>SM-44</c>.</summary>
    private static bool Matches(FirepowerModel model, string name) =>
        string.Equals(model.Model, name, StringComparison.OrdinalIgnoreCase)
        || model.Model.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase);

    private static string Names(IEnumerable<FirepowerModel> models) =>
        string.Join(", ", models.Select(m => m.Model.Split(' ')[^1]));

    private static PlatformResolution Fail(string error) => new(null, error);
}
