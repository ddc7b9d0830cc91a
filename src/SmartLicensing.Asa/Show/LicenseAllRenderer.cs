using System.Globalization;
using System.Text;

namespace SmartLicensing.Asa.Show;

/// <summary><c>show license all</c>: status blocks, License Usage, Product Information, Agent Version, Reservation Info.</summary>
internal static class LicenseAllRenderer
{
    public static string Render(LicenseView view)
    {
        var text = new StringBuilder();
        LicenseStatusRenderer.AppendStatusBlocks(text, view.Agent);
        text.Line();

        // The agent underlines this one title with one '=' more than its length.
        text.Banner("License Usage", "License Usage".Length + 1);
        text.Line();
        if (view.Usage.Count == 0)
        {
            text.Line("No licenses in use.");
            text.Line();
        }

        foreach (var usage in view.Usage)
        {
            text.Line($"{usage.DisplayName} ({usage.ShortTag}):");
            text.Line("  Description: " + usage.DisplayName);
            text.Line(string.Create(CultureInfo.InvariantCulture, $"  Count: {usage.Count}"));
            text.Line("  Version: 1.0");
            text.Line("  Status: " + usage.Status);
            text.Line("  Export status: NOT RESTRICTED");
            text.Line();
        }

        text.Banner("Product Information");
        text.Line("UDI: " + view.Udi);
        text.Line();
        text.Banner("Agent Version");
        text.Line("Smart Agent for Licensing: " + view.AgentVersion);
        text.Line();
        LicenseStatusRenderer.AppendReservationInfo(text, view);
        return text.ToString();
    }
}
