using System.Diagnostics.CodeAnalysis;

namespace SmartLicensing.Asa.Platform;

/// <summary>The hypervisors an ASAv can be deployed on; the choice matters for permanent license reservation.</summary>
internal static class Hypervisors
{
    public const string Default = "kvm";

    /// <summary>Microsoft Azure, where permanent license reservation is not supported.</summary>
    public const string Azure = "azure";

    public static IReadOnlyList<string> All { get; } = ["kvm", "vmware", "hyperv", "aws", Azure, "gcp", "oci"];

    /// <summary>Reads a hypervisor name ignoring case; null means <see cref="Default"/>.</summary>
    public static bool TryNormalize(string? name, [NotNullWhen(true)] out string? hypervisor, out string? error)
    {
        error = null;
        hypervisor = string.IsNullOrWhiteSpace(name) ? Default : name.Trim().ToLowerInvariant();
        if (All.Contains(hypervisor))
        {
            return true;
        }

        error = $"--hypervisor '{name}' is not a known hypervisor. Use one of {string.Join(", ", All)}.";
        hypervisor = null;
        return false;
    }
}
