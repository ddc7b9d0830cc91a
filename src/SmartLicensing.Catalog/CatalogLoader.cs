using System.Text.Json;

namespace SmartLicensing.Catalog;

/// <summary>Loads and validates catalog files; a bad file fails with the file, entry and field named.</summary>
public static class CatalogLoader
{
    private const string BuiltInResource = "SmartLicensing.Catalog.Data.asa.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<ProductCatalog> BuiltInCatalog = new(() =>
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The built-in catalog resource '{BuiltInResource}' is missing from the assembly.");
        return Load(stream, "built-in ASA catalog");
    });

    /// <summary>The ASA catalog that ships with the product.</summary>
    public static ProductCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>Reads a catalog file. Errors name <paramref name="path"/>.</summary>
    /// <exception cref="CatalogException">The file cannot be read, is not valid JSON or breaks a rule.</exception>
    public static ProductCatalog LoadFile(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"{path}: the catalog file cannot be read: {ex.Message}");
        }

        using (stream)
        {
            return Load(stream, path);
        }
    }

    /// <summary>Reads a catalog. Errors name it by <paramref name="source"/>.</summary>
    /// <exception cref="CatalogException">The document is not valid JSON or breaks a rule.</exception>
    public static ProductCatalog Load(Stream stream, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new CatalogException($"{source}: not valid catalog JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }

        using (document)
        {
            return new ProductCatalog(CatalogReader.Read(CatalogEntry.Root(document.RootElement, source)));
        }
    }
}
