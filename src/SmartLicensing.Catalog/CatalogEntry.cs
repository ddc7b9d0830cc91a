using System.Globalization;
using System.Text.Json;

namespace SmartLicensing.Catalog;

/// <summary>
/// One JSON object of a catalog file, read field by field so that every error names the file, the
/// entry and the field. A JSON null counts as a missing field.
/// </summary>
internal sealed class CatalogEntry
{
    private readonly JsonElement _element;

    private CatalogEntry(JsonElement element, string source, string where)
    {
        _element = element;
        Source = source;
        Where = where;
    }

    /// <summary>Name of the file or resource, as errors show it.</summary>
    public string Source { get; }

    /// <summary>Path of the entry inside the file, for example <c>licenses[3] (L-F9K-ASA=)</c>.</summary>
    public string Where { get; }

    public static CatalogEntry Root(JsonElement root, string source) =>
        root.ValueKind == JsonValueKind.Object
            ? new CatalogEntry(root, source, "catalog")
            : throw new CatalogException($"{source}: the catalog is {Describe(root)}; expected an object.");

    /// <summary>Returns the same entry, named in errors by the value that identifies it, such as its PID or model name.</summary>
    public CatalogEntry Named(string name) => new(_element, Source, $"{Where} ({name})");

    /// <summary>Throws when the entry has a field that is not in <paramref name="known"/> or a field twice, so a misspelt optional field cannot pass unnoticed.</summary>
    public void RejectUnknownFields(params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fail(property.Name, $"is not a catalog field here; expected {JoinQuoted(known)}.");
            }

            if (!seen.Add(property.Name))
            {
                throw Fail(property.Name, "appears more than once.");
            }
        }
    }

    /// <summary>Returns true when the field is present with a value other than JSON null.</summary>
    public bool Has(string field) => Find(field) is not null;

    public string RequiredString(string field) =>
        OptionalString(field) ?? throw Missing(field);

    /// <summary>Reads a string field. Returns null when the field is absent or JSON null, and throws when it is empty or not a string.</summary>
    public string? OptionalString(string field)
    {
        if (Find(field) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(field, value, "a string");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? throw Missing(field) : text;
    }

    public int RequiredPositiveInt(string field)
    {
        var value = RequiredPositiveLong(field);
        return value <= int.MaxValue
            ? (int)value
            : throw Fail(field, Invariant($"is {value}; it must be at most {int.MaxValue}."));
    }

    /// <summary>Reads a whole number of 1 or more.</summary>
    public long RequiredPositiveLong(string field)
    {
        var value = Find(field) ?? throw Missing(field);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(field, value, "a whole number");
        }

        if (!value.TryGetInt64(out var number))
        {
            throw Fail(field, $"is {value.GetRawText()}; expected a whole number.");
        }

        return number >= 1 ? number : throw Fail(field, Invariant($"is {number}; it must be 1 or more."));
    }

    public bool? OptionalBool(string field)
    {
        if (Find(field) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(field, value, "true or false"),
        };
    }

    public bool RequiredBool(string field) => OptionalBool(field) ?? throw Missing(field);

    /// <summary>Reads a string field that must be one of the keys of <paramref name="choices"/>, matched exactly.</summary>
    public T RequiredChoice<T>(string field, IReadOnlyDictionary<string, T> choices)
        where T : struct =>
        OptionalChoice(field, choices) ?? throw Missing(field);

    public T? OptionalChoice<T>(string field, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (OptionalString(field) is not { } text)
        {
            return null;
        }

        return choices.TryGetValue(text, out var choice)
            ? choice
            : throw Fail(field, $"is '{text}'; expected {JoinQuoted([.. choices.Keys])}.");
    }

    public CatalogEntry RequiredObject(string field) => OptionalObject(field) ?? throw Missing(field);

    public CatalogEntry? OptionalObject(string field)
    {
        if (Find(field) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new CatalogEntry(value, Source, Where == "catalog" ? field : $"{Where} {field}")
            : throw WrongType(field, value, "an object");
    }

    /// <summary>Reads an array of objects. Errors name each item <c>field[i]</c>, after this entry unless this entry is the root.</summary>
    public IReadOnlyList<CatalogEntry>? OptionalArray(string field)
    {
        if (Find(field) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(field, value, "an array");
        }

        var prefix = Where == "catalog" ? field : $"{Where} {field}";
        var items = new List<CatalogEntry>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var where = Invariant($"{prefix}[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogException($"{Source}: {where}: the entry is {Describe(item)}; expected an object.");
            }

            items.Add(new CatalogEntry(item, Source, where));
            index++;
        }

        return items;
    }

    public IReadOnlyList<CatalogEntry> RequiredArray(string field) => OptionalArray(field) ?? throw Missing(field);

    public CatalogException Fail(string field, string problem) => new($"{Source}: {Where}: field '{field}' {problem}");

    public CatalogException Fail(string problem) => new($"{Source}: {Where}: {problem}");

    public CatalogException Missing(string field) => Fail(field, "is missing or empty.");

    private CatalogException WrongType(string field, JsonElement value, string expected) =>
        Fail(field, $"is {Describe(value)}; expected {expected}.");

    private JsonElement? Find(string field) =>
        _element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string JoinQuoted(IReadOnlyList<string> values) => values.Count switch
    {
        1 => $"'{values[0]}'",
        2 => $"'{values[0]}' or '{values[1]}'",
        _ => "one of " + string.Join(", ", values.Select(v => $"'{v}'")),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
