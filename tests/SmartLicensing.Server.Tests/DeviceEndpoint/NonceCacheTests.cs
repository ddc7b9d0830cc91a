using SmartLicensing.Server.DeviceEndpoint;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

public sealed class NonceCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_SameNonceWithinLifetime_Replayed()
    {
        var cache = new NonceCache();

        Assert.Equal(NonceCheck.Fresh, cache.Record("n1", Now));
        Assert.Equal(NonceCheck.Replayed, cache.Record("n1", Now.AddMinutes(19)));
    }

    [Fact]
    public void Record_SameNonceAfterLifetime_FreshAgainAndOldEntriesDropped()
    {
        var cache = new NonceCache();
        cache.Record("n1", Now);
        cache.Record("n2", Now.AddMinutes(1));

        Assert.Equal(NonceCheck.Fresh, cache.Record("n1", Now.AddMinutes(20)));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Record_CacheFull_RefusesUntilEntriesExpire()
    {
        var cache = new NonceCache(capacity: 2);
        cache.Record("n1", Now);
        cache.Record("n2", Now);

        Assert.Equal(NonceCheck.Full, cache.Record("n3", Now.AddMinutes(1)));
        Assert.Equal(NonceCheck.Fresh, cache.Record("n3", Now.AddMinutes(21)));
    }
}
