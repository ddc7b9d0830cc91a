using Spectre.Console;
using Spectre.Console.Rendering;

namespace SmartLicensing.Cli.Output;

/// <summary>
/// Builds Spectre tables from plain strings. Cells are added as <see cref="Text"/>, never as markup,
/// so names with brackets print as they are.
/// </summary>
internal static class TableBuilder
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    public static void AddRow(Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));
    }
}
