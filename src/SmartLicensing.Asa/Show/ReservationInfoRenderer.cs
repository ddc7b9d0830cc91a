using System.Text;
using SmartLicensing.Agent;

namespace SmartLicensing.Asa.Show;

/// <summary>
/// The Reservation Info block of <c>show license all</c> and <c>show license status</c>: whether
/// reservation mode is on and, when it is, where the reservation of this device stands.
/// </summary>
internal static class ReservationInfoRenderer
{
    public static void Append(StringBuilder text, LicenseView view)
    {
        text.Banner("Reservation Info");
        if (!view.ReservationMode)
        {
            text.Line("License reservation: DISABLED");
            return;
        }

        text.Line("License reservation: ENABLED");
        text.Line();
        text.Line("Overall status:");
        text.Line("  Active: " + view.Udi);
        switch (view.Agent.Reservation)
        {
            case { Stage: ReservationStage.Requested } requested:
                text.Line("      Reservation status: REQUEST IN PROGRESS since " + ShowText.AgentDate(requested.RequestedAt));
                text.Line("      Request code: " + requested.RequestCode);
                break;

            case { Stage: ReservationStage.Installed } installed:
                text.Line("      Reservation status: UNIVERSAL INSTALLED on " + ShowText.AgentDate(installed.InstalledAt ?? installed.RequestedAt));
                text.Line("      Last Confirmation code: " + installed.ConfirmationCode);
                break;

            case { Stage: ReservationStage.Returned } returned:
                text.Line("      Reservation status: RETURNED on " + ShowText.AgentDate(returned.ReturnedAt ?? returned.RequestedAt));
                text.Line("      Return code: " + returned.ReturnCode);
                break;

            default:
                text.Line("      Reservation status: NOT INSTALLED");
                break;
        }
    }
}
