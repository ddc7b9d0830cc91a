using System.Globalization;
using System.Text;
using SmartLicensing.Asa.Licensing;
using SmartLicensing.Asa.Platform;

namespace SmartLicensing.Asa.Show;

/// <summary><c>show vm</c>: the virtual machine's resources, the model they give and their compliance.</summary>
internal static class VmRenderer
{
    public const string Hypervisor = "KVM (emulated)";

    public static string Render(AsaPlatform platform, PlatformLicense license)
    {
        var text = new StringBuilder();
        text.Line("Virtual Platform Resource Limits");
        text.Line("--------------------------------");
        text.Line(Field("Number of vCPUs", platform.Vcpus.ToString(CultureInfo.InvariantCulture).PadLeft(5)));
        text.Line(Field("Processor Memory", string.Create(CultureInfo.InvariantCulture, $"{platform.MemoryMb,5} MB")));
        text.Line(Field("Hypervisor", " " + Hypervisor));
        text.Line(Field("Model Id", " " + platform.Model.Model));
        text.Line(Field("Throughput Limit", " " + license.ThroughputLimit));
        text.Line();
        text.Line(Field("vCPU Status", " " + (platform.Vcpus >= platform.Model.Vcpus ? "Compliant" : "Noncompliant: Under-provisioned")));
        text.Line(Field("Memory Status", " " + (license.MemoryOverLimit ? "Noncompliant: Over-provisioned" : "Compliant")));
        if (license.MemoryOverLimit)
        {
            text.Line();
            text.Line("*Memory resource allocation is more than the permitted limit.");
        }

        return text.ToString();
    }

    private static string Field(string label, string value) => label.PadRight(29) + ": " + value;
}
