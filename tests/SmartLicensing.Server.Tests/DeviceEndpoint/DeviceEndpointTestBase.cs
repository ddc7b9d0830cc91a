using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Events;
using Xunit;

namespace SmartLicensing.Server.Tests.DeviceEndpoint;

/// <summary>Starts a fresh device endpoint host for each test.</summary>
public abstract class DeviceEndpointTestBase : IAsyncLifetime
{
    private DeviceEndpointHost? _host;

    internal DeviceEndpointHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync() => _host = await DeviceEndpointHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    internal TestDevice NewDevice(string serialNumber = "9AB3CDEF012") => new(Host, $"PID:ASAv,SN:{serialNumber}");

    internal Task<List<EventRecord>> EventsAsync() =>
        Host.QueryAsync(db => db.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    internal async Task<TestDevice> RegisteredDeviceAsync(string serialNumber = "9AB3CDEF012")
    {
        var device = NewDevice(serialNumber);
        var reply = await device.RegisterAsync(await Host.CreateTokenAsync());
        Assert.True(reply.Response is Protocol.Messages.RegisterResponse, reply.Describe());
        return device;
    }
}
