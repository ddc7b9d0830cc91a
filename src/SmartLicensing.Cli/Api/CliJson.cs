using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmartLicensing.Cli.Api;

/// <summary>JSON settings for reading Admin API bodies and for the <c>--json</c> output.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    private static readonly JsonWriterOptions IndentedWriter = new()
    {
        Indented = true,

        // Output is for people and scripts, not HTML: keep '+', '<' and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the JSON text indented; text that is not JSON is returned unchanged.</summary>
    public static string Indent(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, IndentedWriter))
            {
                document.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
