using Xunit;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>Waits for work that background services do after a fake clock moved.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string? because = null, double seconds = 15) =>
        TrueAsync(() => Task.FromResult(condition()), because, seconds);

    public static async Task TrueAsync(Func<Task<bool>> condition, string? because = null, double seconds = 15)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(seconds), because ?? "the condition did not become true in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
