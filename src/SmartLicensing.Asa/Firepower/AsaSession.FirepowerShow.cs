using SmartLicensing.Asa.Firepower;
using SmartLicensing.Asa.Show;

namespace SmartLicensing.Asa.Cli;

/// <summary><c>show license all</c> on the ASA application of a Firepower chassis.</summary>
internal sealed partial class AsaSession
{
    private Task ShowFirepowerLicenseAll()
    {
        var features = LicenseFeaturesRenderer.Render(EvaluatePlatformLicense(), Config.LicenseSmart);
        _output.Write(FirepowerLicenseAllRenderer.Render(Agent.State, FirepowerRequests(), _device.SerialNumber, features));
        return Task.CompletedTask;
    }

    /// <summary>The entitlements the configuration requests, each with the name its block carries.</summary>
    private List<FirepowerRequest> FirepowerRequests()
    {
        var requests = new List<FirepowerRequest>();
        if (_device.Platform.Firepower is not { } firepower || Config.LicenseSmart is not { FeatureTierStandard: true } license)
        {
            return requests;
        }

        var entitlements = firepower.Platform.Entitlements;
        if (entitlements.Standard is { } standard)
        {
            requests.Add(new FirepowerRequest("Standard", standard, 1));
        }

        if (license.Carrier && entitlements.Carrier is { } carrier)
        {
            requests.Add(new FirepowerRequest("Carrier", carrier, 1));
        }

        if (license.Contexts is { } contexts && entitlements.Context is { } context)
        {
            requests.Add(new FirepowerRequest("Context", context, contexts));
        }

        if (license.StrongEncryption && entitlements.StrongEncryption is { } strong)
        {
            requests.Add(new FirepowerRequest("Strong encryption", strong, 1));
        }

        return requests;
    }
}
