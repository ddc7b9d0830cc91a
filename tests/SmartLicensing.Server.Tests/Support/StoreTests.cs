using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>
/// Base of test classes whose tests run on every store: derive one sealed class per
/// <see cref="StoreKind"/>, and start servers with <see cref="StartServerAsync"/>.
/// </summary>
public abstract class StoreTests(StoreKind store)
{
    protected StoreKind Store { get; } = store;

    /// <summary>Starts a server on a new data folder and a new database of this class's store.</summary>
    protected Task<AuthorityServer> StartServerAsync() => AuthorityServer.StartAsync(Store);
}
