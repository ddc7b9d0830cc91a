using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;
using SmartLicensing.Asa.Storage;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Identity;

namespace SmartLicensing.Asa.Cli;

/// <summary>What stays the same across reloads: the virtual machine, the stored files and the agent factory.</summary>
internal sealed record DeviceContext(
    AsaPlatform Platform,
    ProductCatalog Catalog,
    DeviceStore Store,
    string SerialNumber,
    X509Certificate2Collection Trustpool,
    LicensingAgentFactory AgentFactory,
    TimeProvider TimeProvider)
{
    public const string ProductId = "ASAv";

    public Udi Udi { get; } = new(Platform.ProductId, SerialNumber);
}
