namespace SmartLicensing.Asa.Show;

/// <summary><c>show license udi</c>.</summary>
internal static class LicenseUdiRenderer
{
    public static string Render(string udi) => $"UDI: {udi}\n";
}
