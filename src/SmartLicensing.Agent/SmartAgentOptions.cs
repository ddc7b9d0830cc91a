using System.Security.Cryptography.X509Certificates;
using SmartLicensing.Protocol.Identity;

namespace SmartLicensing.Agent;

/// <summary>Settings of a <see cref="SmartAgent"/>, fixed for the agent's lifetime.</summary>
public sealed record SmartAgentOptions
{
    /// <summary>The device's UDI, sent in every message.</summary>
    public required Udi Udi { get; init; }

    /// <summary>File where the agent keeps its key, certificate and state (written atomically).</summary>
    public required string StatePath { get; init; }

    /// <summary>Root certificates the agent trusts for the server's TLS and signing certificates.</summary>
    public required X509Certificate2Collection TrustedRoots { get; init; }

    /// <summary>Product name sent at registration, for example <c>ASAv</c>.</summary>
    public string ProductName { get; init; } = "";

    /// <summary>Product software version sent at registration.</summary>
    public string ProductVersion { get; init; } = "";

    /// <summary>How long one exchange may take before it fails as timed out.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
