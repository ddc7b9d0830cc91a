namespace SmartLicensing.Catalog;

/// <summary>Reads the ASAv and Firepower model sections.</summary>
internal sealed partial class CatalogReader
{
    private static readonly string[] LimitFields = ["firewallConnections", "tlsProxySessions", "anyConnectPeers", "otherVpnPeers", "totalVpnPeers", "vlans"];

    private void ReadAsavModels(IReadOnlyList<CatalogEntry> entries)
    {
        foreach (var item in entries)
        {
            var entry = StartModel(item);
            entry.RejectUnknownFields([
                "model", "platform", "vcpus", "memoryMb", "throughputLevel", "throughputText",
                "standardShortTag", "reservationShortTag", "permanentReservation", .. LimitFields, "note",
            ]);
            var platform = ResolvePlatform(entry, "platform", entry.RequiredString("platform"));
            var vcpus = entry.RequiredPositiveInt("vcpus");
            var memoryMb = entry.RequiredPositiveInt("memoryMb");
            CheckAscendingSize(entry, vcpus, memoryMb);

            var level = entry.RequiredString("throughputLevel");
            if (_asavModels.Any(m => string.Equals(m.ThroughputLevel, level, StringComparison.OrdinalIgnoreCase)))
            {
                throw entry.Fail($"duplicate throughputLevel '{level}'.");
            }

            var standard = ResolveTag(entry, "standardShortTag");
            var reservation = ReadReservation(entry);
            var limits = ReadLimits(entry);
            _asavModels.Add(new AsavModel(
                entry.RequiredString("model"),
                vcpus,
                memoryMb,
                level,
                entry.RequiredString("throughputText"),
                standard,
                reservation,
                limits.FirewallConnections,
                limits.TlsProxySessions,
                limits.AnyConnectPeers,
                limits.OtherVpnPeers,
                limits.TotalVpnPeers,
                limits.Vlans)
            {
                Platform = platform,
                Note = entry.OptionalString("note"),
            });
        }
    }

    /// <summary>Keeps ASAv models from smallest to largest, because the emulator picks the last model that fits a virtual machine.</summary>
    private void CheckAscendingSize(CatalogEntry entry, int vcpus, int memoryMb)
    {
        if (_asavModels.Count == 0)
        {
            return;
        }

        var previous = _asavModels[^1];
        if (vcpus < previous.Vcpus)
        {
            throw entry.Fail("vcpus", $"is {vcpus}, fewer than {previous.Model} before it ({previous.Vcpus}); list ASAv models from smallest to largest.");
        }

        if (memoryMb < previous.MemoryMb)
        {
            throw entry.Fail("memoryMb", $"is {memoryMb}, less than {previous.Model} before it ({previous.MemoryMb}); list ASAv models from smallest to largest.");
        }
    }

    private Entitlement? ReadReservation(CatalogEntry entry)
    {
        if (entry.OptionalBool("permanentReservation") ?? true)
        {
            return ResolveTag(entry, "reservationShortTag");
        }

        return entry.Has("reservationShortTag")
            ? throw entry.Fail("reservationShortTag", "is set, but 'permanentReservation' is false.")
            : null;
    }

    private void ReadFirepowerModels(IReadOnlyList<CatalogEntry> entries)
    {
        foreach (var item in entries)
        {
            var entry = StartModel(item);
            entry.RejectUnknownFields(["model", "platform", "chassis", .. LimitFields, "note"]);
            var platformId = entry.RequiredString("platform");
            var platform = ResolvePlatform(entry, "platform", platformId);
            if (platform.Entitlements.Standard is null)
            {
                throw entry.Fail("platform", $"names platform '{platformId}', which has no 'standard' entitlement; a Firepower model requests its platform's Standard entitlement.");
            }

            var limits = ReadLimits(entry);
            var chassis = entry.OptionalObject("chassis") is { } section ? ReadChassis(section, limits.FirewallConnections) : null;
            _firepowerModels.Add(new FirepowerModel(
                entry.RequiredString("model"),
                platform,
                limits.FirewallConnections,
                limits.TlsProxySessions,
                limits.AnyConnectPeers,
                limits.OtherVpnPeers,
                limits.TotalVpnPeers,
                limits.Vlans,
                chassis)
            {
                Note = entry.OptionalString("note"),
            });
        }
    }

    private static ChassisConnectionLimit ReadChassis(CatalogEntry entry, long moduleConnections)
    {
        entry.RejectUnknownFields("modules", "firewallConnections");
        var modules = entry.RequiredPositiveInt("modules");
        var connections = entry.RequiredPositiveLong("firewallConnections");
        if (connections < moduleConnections)
        {
            throw entry.Fail("firewallConnections", $"is {connections}; a chassis allows at least the {moduleConnections} of one module.");
        }

        return new ChassisConnectionLimit(modules, connections);
    }

    /// <summary>Names the entry by its model and rejects a model name already used by an ASAv or Firepower model.</summary>
    private CatalogEntry StartModel(CatalogEntry item)
    {
        var model = item.RequiredString("model");
        var entry = item.Named(model);
        return _modelNames.Add(model) ? entry : throw entry.Fail($"duplicate model '{model}'.");
    }

    private static ModelLimits ReadLimits(CatalogEntry entry)
    {
        var limits = new ModelLimits(
            entry.RequiredPositiveLong("firewallConnections"),
            entry.RequiredPositiveInt("tlsProxySessions"),
            entry.RequiredPositiveInt("anyConnectPeers"),
            entry.RequiredPositiveInt("otherVpnPeers"),
            entry.RequiredPositiveInt("totalVpnPeers"),
            entry.RequiredPositiveInt("vlans"));
        if (limits.TotalVpnPeers < limits.OtherVpnPeers)
        {
            throw entry.Fail("totalVpnPeers", $"is {limits.TotalVpnPeers}; it must be at least 'otherVpnPeers' ({limits.OtherVpnPeers}).");
        }

        if (limits.TotalVpnPeers < limits.AnyConnectPeers)
        {
            throw entry.Fail("totalVpnPeers", $"is {limits.TotalVpnPeers}; it must be at least 'anyConnectPeers' ({limits.AnyConnectPeers}).");
        }

        return limits;
    }

    private sealed record ModelLimits(long FirewallConnections, int TlsProxySessions, int AnyConnectPeers, int OtherVpnPeers, int TotalVpnPeers, int Vlans);
}
