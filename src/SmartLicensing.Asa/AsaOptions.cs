namespace SmartLicensing.Asa;

/// <summary>How an emulated ASAv boots: where it keeps its files and the virtual machine it runs on.</summary>
public sealed record AsaOptions
{
    /// <summary>Folder for the serial number, startup-config, agent state and trustpool; created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// ASAv5, ASAv10, ASAv30 or ASAv50 (any case); null to follow <see cref="Vcpus"/> and <see cref="Memory"/>.
    /// With a Firepower <see cref="Platform"/>: the model (<c>4110</c>) or security module (<c>SM-44</c>).
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Platform id: null or <c>asav</c> for the ASAv, <c>fpr4100</c> or <c>fpr9300</c> for the ASA application on a Firepower chassis.</summary>
    public string? Platform { get; init; }

    /// <summary>Security modules in a Firepower 9300 chassis (1 to 3); null for 1.</summary>
    public int? Modules { get; init; }

    /// <summary>Hypervisor the ASAv runs on (<c>kvm</c>, <c>vmware</c>, <c>hyperv</c>, <c>aws</c>, <c>azure</c>, <c>gcp</c>, <c>oci</c>); null for KVM. Azure has no permanent license reservation.</summary>
    public string? Hypervisor { get; init; }

    /// <summary>Number of virtual CPUs of the virtual machine.</summary>
    public int? Vcpus { get; init; }

    /// <summary>Memory of the virtual machine with a unit, for example <c>2GB</c>, <c>2048MB</c> or <c>8G</c>.</summary>
    public string? Memory { get; init; }

    /// <summary>PEM file with one or more root certificates to trust; it replaces the stored trustpool.</summary>
    public string? TrustpoolFile { get; init; }

    /// <summary>
    /// Product catalog file (JSON) with the ASAv models, Firepower models and entitlements; null uses
    /// the built-in ASA catalog. Give the file the License Authority runs with.
    /// </summary>
    public string? CatalogFile { get; init; }
}
