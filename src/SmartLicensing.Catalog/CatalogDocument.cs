namespace SmartLicensing.Catalog;

/// <summary>The JSON shape of a catalog file; every field is nullable so the loader can name what is missing.</summary>
internal sealed class CatalogDocument
{
    public string? Name { get; set; }

    public List<EntitlementEntry?>? Entitlements { get; set; }

    public List<LicenseEntry?>? Licenses { get; set; }

    public List<AsavModelEntry?>? AsavModels { get; set; }

    internal sealed class EntitlementEntry
    {
        public string? Tag { get; set; }

        public string? ShortTag { get; set; }

        public string? DisplayName { get; set; }
    }

    internal sealed class LicenseEntry
    {
        public string? Pid { get; set; }

        public string? Description { get; set; }

        public string? Kind { get; set; }

        public List<GrantEntry?>? Grants { get; set; }
    }

    internal sealed class GrantEntry
    {
        public string? ShortTag { get; set; }

        public int? Count { get; set; }
    }

    internal sealed class AsavModelEntry
    {
        public string? Model { get; set; }

        public int? Vcpus { get; set; }

        public int? MemoryMb { get; set; }

        public string? ThroughputLevel { get; set; }

        public string? ThroughputText { get; set; }

        public string? StandardShortTag { get; set; }

        public string? ReservationShortTag { get; set; }

        public long? FirewallConnections { get; set; }

        public int? TlsProxySessions { get; set; }

        public int? AnyConnectPeers { get; set; }

        public int? OtherVpnPeers { get; set; }

        public int? TotalVpnPeers { get; set; }

        public int? Vlans { get; set; }

        public string? Note { get; set; }
    }
}
