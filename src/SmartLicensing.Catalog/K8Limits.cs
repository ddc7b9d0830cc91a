namespace SmartLicensing.Catalog;

/// <summary>Session caps that apply while the licenses in use have K8 PIDs. K9 PIDs allow the model limit and unlimited SRTP.</summary>
/// <param name="TlsProxySessions">Maximum TLS proxy sessions.</param>
/// <param name="SrtpSessions">Maximum SRTP encryption sessions. Only calls whose media the device encrypts or decrypts count.</param>
public sealed record K8Limits(int TlsProxySessions, int SrtpSessions);
