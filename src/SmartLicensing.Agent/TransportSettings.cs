namespace SmartLicensing.Agent;

/// <summary>Where the agent sends its messages; may change at any time, as the device configuration does.</summary>
/// <param name="ServerUrl">Full URL of the license server's device endpoint.</param>
/// <param name="ProxyUrl">HTTP proxy (<c>http://host:port</c>), or null to connect directly.</param>
public sealed record TransportSettings(Uri ServerUrl, Uri? ProxyUrl = null);
