using System.Globalization;
using System.Text;
using SmartLicensing.Agent;

namespace SmartLicensing.Asa.Show;

/// <summary>
/// <c>show license summary</c>: registration and authorization status in short, then a usage
/// table (license name at column 0, tag at 24, count right-aligned to column 58, status at 60).
/// </summary>
internal static class LicenseSummaryRenderer
{
    private const int NameWidth = 24;
    private const int TagWidth = 30;
    private const int CountWidth = 5;

    public static string Render(LicenseView view)
    {
        var agent = view.Agent;
        var text = new StringBuilder();
        text.Line("Smart Licensing is ENABLED");
        text.Line();
        text.Line("Registration:");
        text.Line("  Status: " + LicenseStatusRenderer.RegistrationWord(agent.Registration));
        if (agent.Registration == RegistrationStatus.Registered)
        {
            text.Line("  Smart Account: " + agent.SmartAccount);
            text.Line("  Virtual Account: " + agent.VirtualAccount);
        }

        text.Line("  Export-Controlled Functionality: " + LicenseStatusRenderer.ExportWord(agent));
        text.Line();
        text.Line("License Authorization:");
        text.Line("  Status: " + LicenseStatusRenderer.AuthorizationWord(agent.Authorization));
        text.Line();
        text.Line("License Usage:");
        if (view.Usage.Count == 0)
        {
            text.Line("No licenses in use.");
            return text.ToString();
        }

        text.Line(Row("License", "Entitlement Tag", "Count", "Status"));
        text.Line(new string('-', 77));
        foreach (var usage in view.Usage)
        {
            text.Line(Row(
                Fit(usage.DisplayName, NameWidth - 1),
                "(" + Fit(usage.ShortTag, TagWidth - 3) + ")",
                usage.Count.ToString(CultureInfo.InvariantCulture),
                usage.Status));
        }

        return text.ToString();
    }

    private static string Row(string name, string tag, string count, string status) =>
        name.PadRight(NameWidth) + tag.PadRight(TagWidth) + count.PadLeft(CountWidth) + " " + status;

    private static string Fit(string value, int width) =>
        value.Length <= width ? value : value[..(width - 3)] + "...";
}
