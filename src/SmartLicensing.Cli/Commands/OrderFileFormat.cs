namespace SmartLicensing.Cli.Commands;

/// <summary>Tells a CSV order from a JSON order: by file extension, otherwise by the first character of the content.</summary>
internal static class OrderFileFormat
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    public static string Detect(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);

        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Json;
        }

        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Csv;
        }

        var first = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return first.StartsWith('{') || first.StartsWith('[') ? Json : Csv;
    }
}
