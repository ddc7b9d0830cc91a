using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Platform;

/// <summary>
/// The platform the ASA booted on. On the ASAv: the virtual machine and the model that follows
/// from it. On a Firepower chassis: the ASA application's model and the number of security modules.
/// </summary>
/// <param name="Model">ASAv model (ASAv10 and so on). On Firepower it is the largest ASAv model and only names the ASA software family.</param>
/// <param name="Vcpus">Virtual CPUs given to the virtual machine.</param>
/// <param name="MemoryMb">Memory given to the virtual machine, in MB.</param>
internal sealed record AsaPlatform(AsavModel Model, int Vcpus, int MemoryMb)
{
    public const string AsavProductId = "ASAv";

    /// <summary>The Firepower model when the ASA runs as an application on a Firepower 4100 or 9300 chassis; null on the ASAv.</summary>
    public FirepowerModel? Firepower { get; init; }

    /// <summary>Security modules in the chassis (Firepower 9300: 1 to 3); 1 elsewhere.</summary>
    public int Modules { get; init; } = 1;

    public bool IsFirepower => Firepower is not null;

    /// <summary>Hypervisor of the ASAv, lower case, for example <c>kvm</c> or <c>azure</c>.</summary>
    public string Hypervisor { get; init; } = Hypervisors.Default;

    /// <summary>The model whose limits apply: the Firepower model, or the ASAv model.</summary>
    public IAsaModel Limits => Firepower is { } firepower ? firepower : Model;

    /// <summary>Model name as <c>show version</c> prints it.</summary>
    public string ModelName => Firepower?.Model ?? Model.Model;

    /// <summary>Product id of the UDI: <c>ASAv</c>, or the Firepower model's hardware id.</summary>
    public string ProductId => Firepower is { } firepower ? HardwareId(firepower) : AsavProductId;

    /// <summary>Concurrent firewall connections of the whole device: per module times the modules, up to the chassis limit when there is more than one module.</summary>
    public long FirewallConnections
    {
        get
        {
            var limits = Limits;
            var total = limits.FirewallConnections * Modules;
            if (Firepower?.Chassis is { } chassis && Modules > 1)
            {
                total = Math.Min(total, chassis.FirewallConnections);
            }

            return total;
        }
    }

    /// <summary>Hardware id as the Firepower ASA prints it, for example <c>FPR-4110</c> or <c>FPR9K-SM-44</c>.</summary>
    public static string HardwareId(FirepowerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var words = model.Model.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 ? "FPR9K-" + words[^1] : "FPR-" + words[^1];
    }
}
