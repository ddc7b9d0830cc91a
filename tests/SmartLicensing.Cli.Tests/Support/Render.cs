using Spectre.Console;
using Spectre.Console.Rendering;

namespace SmartLicensing.Cli.Tests.Support;

/// <summary>Renders Spectre output to plain text without colours or ANSI codes.</summary>
internal static class Render
{
    public static string ToText(IRenderable renderable, int width = CliContext.RedirectedTableWidth)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString();
    }

    /// <summary>Returns the table row that contains the text, with the cell values split on the border character.</summary>
    public static string[] RowCells(string table, string contains)
    {
        var line = table.Split('\n').Single(l => l.Contains(contains, StringComparison.Ordinal));
        return line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(cell => cell.Length > 0)
            .ToArray();
    }
}
