using SmartLicensing.Catalog;

namespace SmartLicensing.Asa.Platform;

/// <summary>The virtual machine the ASAv booted on and the model that follows from it.</summary>
/// <param name="Model">ASAv model (ASAv10 and so on).</param>
/// <param name="Vcpus">Virtual CPUs given to the virtual machine.</param>
/// <param name="MemoryMb">Memory given to the virtual machine, in MB.</param>
internal sealed record AsaPlatform(AsavModel Model, int Vcpus, int MemoryMb);
