namespace SmartLicensing.Catalog;

/// <summary>A catalog file that cannot be used; the message names the file, entry and field.</summary>
public sealed class CatalogException(string message) : Exception(message);
