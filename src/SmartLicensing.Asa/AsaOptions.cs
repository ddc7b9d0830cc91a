namespace SmartLicensing.Asa;

/// <summary>How an emulated ASAv boots: where it keeps its files and the virtual machine it runs on.</summary>
public sealed record AsaOptions
{
    /// <summary>Folder for the serial number, startup-config, agent state and trustpool; created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>ASAv5, ASAv10, ASAv30 or ASAv50 (any case); null to follow <see cref="Vcpus"/> and <see cref="Memory"/>.</summary>
    public string? Model { get; init; }

    /// <summary>Number of virtual CPUs of the virtual machine.</summary>
    public int? Vcpus { get; init; }

    /// <summary>Memory of the virtual machine with a unit, for example <c>2GB</c>, <c>2048MB</c> or <c>8G</c>.</summary>
    public string? Memory { get; init; }

    /// <summary>PEM file with one or more root certificates to trust; it replaces the stored trustpool.</summary>
    public string? TrustpoolFile { get; init; }
}
