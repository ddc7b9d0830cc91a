using System.Text.Json;

namespace SmartLicensing.EndToEnd.Support;

/// <summary>Reads the <c>--json</c> output of admin commands.</summary>
public static class Json
{
    public static JsonElement Parse(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            using var document = JsonDocument.Parse(result.Output);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            Assert.Fail($"The output is not JSON ({ex.Message}).{Environment.NewLine}{result.Describe()}");
            throw;
        }
    }

    /// <summary>The element of an array whose string property has the value, or null.</summary>
    public static JsonElement? FindBy(JsonElement array, string property, string value) =>
        array.EnumerateArray()
            .Where(e => e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() == value)
            .Select(e => (JsonElement?)e)
            .FirstOrDefault();
}
