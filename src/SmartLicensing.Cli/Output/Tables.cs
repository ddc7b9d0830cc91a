using SmartLicensing.Cli.Api.Models;
using Spectre.Console;

namespace SmartLicensing.Cli.Output;

/// <summary>The tables the admin commands print, one method per resource.</summary>
internal static class Tables
{
    public static Table VirtualAccounts(IEnumerable<VirtualAccountInfo> accounts)
    {
        var table = TableBuilder.Create("Name", "Description", "Default", "Licenses", "Product Instances", "Created");
        foreach (var account in accounts)
        {
            TableBuilder.AddRow(table,
                account.Name,
                DisplayFormat.Text(account.Description),
                account.IsDefault ? "yes" : "",
                DisplayFormat.Number(account.Licenses),
                DisplayFormat.Number(account.ProductInstances),
                DisplayFormat.Date(account.CreatedAt));
        }

        return table;
    }

    public static Table Licenses(IEnumerable<LicenseInfo> licenses)
    {
        var table = TableBuilder.Create("Virtual Account", "License", "Tag", "Purchased", "In Use", "Balance", "Expires");
        foreach (var license in licenses)
        {
            TableBuilder.AddRow(table,
                license.VirtualAccount,
                DisplayFormat.Text(license.Name),
                license.ShortTag ?? license.Tag,
                DisplayFormat.Number(license.Purchased),
                DisplayFormat.Number(license.InUse),
                DisplayFormat.Number(license.Balance),
                license.Expires is null ? "never"
                    : license.Expired ? $"{DisplayFormat.Date(license.Expires)} (expired)"
                    : DisplayFormat.Date(license.Expires));
        }

        return table;
    }

    public static Table Tokens(IEnumerable<TokenInfo> tokens, DateTimeOffset now)
    {
        var table = TableBuilder.Create("ID", "Token", "Virtual Account", "Expiration Date", "Uses", "Export-Controlled", "Description", "Created By", "Status");
        foreach (var token in tokens)
        {
            TableBuilder.AddRow(table,
                token.Id.ToString("D"),
                ShortToken(token),
                DisplayFormat.Text(token.VirtualAccount),
                DisplayFormat.DateWithDaysLeft(token.ExpiresAt, now),
                Uses(token),
                token.ExportControlled ? "Allowed" : "Not Allowed",
                DisplayFormat.Text(token.Description),
                DisplayFormat.Text(token.CreatedBy),
                DisplayFormat.Text(token.Status));
        }

        return table;
    }

    public static Table ProductInstances(IEnumerable<ProductInstanceInfo> instances)
    {
        var table = TableBuilder.Create("UDI", "Product", "Virtual Account", "Licenses", "Registered", "Last Contact", "ID");
        foreach (var instance in instances)
        {
            TableBuilder.AddRow(table,
                instance.Udi,
                instance.Reserved ? DisplayFormat.Text(instance.ProductName) + " (reserved)" : DisplayFormat.Text(instance.ProductName),
                DisplayFormat.Text(instance.VirtualAccount),
                EntitlementSummary(instance.Entitlements),
                DisplayFormat.Time(instance.RegisteredAt),
                DisplayFormat.Time(instance.LastContactAt),
                instance.Id.ToString("D"));
        }

        return table;
    }

    public static Grid ProductInstanceDetails(ProductInstanceInfo instance)
    {
        ArgumentNullException.ThrowIfNull(instance);

        var grid = new Grid().AddColumn().AddColumn();
        AddField(grid, "UDI", instance.Udi);
        AddField(grid, "ID", instance.Id.ToString("D"));
        AddField(grid, "Virtual Account", DisplayFormat.Text(instance.VirtualAccount));
        AddField(grid, "Product", DisplayFormat.Text(instance.ProductName));
        AddField(grid, "Registered", DisplayFormat.Time(instance.RegisteredAt));
        AddField(grid, "Last Contact", DisplayFormat.Time(instance.LastContactAt));
        AddField(grid, "Export-Controlled", instance.ExportControlledAllowed ? "Allowed" : "Not Allowed");
        return grid;
    }

    public static Table Entitlements(IEnumerable<EntitlementUsageInfo> entitlements)
    {
        var table = TableBuilder.Create("License", "Tag", "Count", "Status");
        foreach (var entitlement in entitlements)
        {
            TableBuilder.AddRow(table,
                DisplayFormat.Text(entitlement.Name),
                entitlement.ShortTag ?? entitlement.Tag,
                DisplayFormat.Number(entitlement.Count),
                DisplayFormat.Text(entitlement.Status));
        }

        return table;
    }

    public static Table Events(IEnumerable<EventInfo> events)
    {
        var table = TableBuilder.Create("Time", "Virtual Account", "Actor", "Category", "Message");
        foreach (var entry in events)
        {
            TableBuilder.AddRow(table,
                DisplayFormat.Time(entry.Time),
                DisplayFormat.Text(entry.VirtualAccount),
                entry.Actor,
                entry.Category,
                entry.Message);
        }

        return table;
    }

    /// <summary>Shortens a token for lists: its leading characters and an ellipsis, never the whole secret.</summary>
    public static string ShortToken(TokenInfo token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return string.IsNullOrEmpty(token.TokenPrefix) ? "-" : token.TokenPrefix + "...";
    }

    private static string Uses(TokenInfo token) =>
        token.MaxUses is { } max
            ? $"{DisplayFormat.Number(token.Uses)} of {DisplayFormat.Number(max)}"
            : DisplayFormat.Number(token.Uses);

    private static string EntitlementSummary(IReadOnlyList<EntitlementUsageInfo>? entitlements) =>
        entitlements is null || entitlements.Count == 0
            ? "-"
            : string.Join(", ", entitlements.Select(e => e.Count == 1 ? ShortTag(e) : $"{ShortTag(e)} x{DisplayFormat.Number(e.Count)}"));

    private static string ShortTag(EntitlementUsageInfo entitlement) => entitlement.ShortTag ?? entitlement.Tag;

    private static void AddField(Grid grid, string label, string value) =>
        grid.AddRow(new Text(label + ":"), new Text(value));
}
