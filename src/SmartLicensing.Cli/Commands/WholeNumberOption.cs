using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SmartLicensing.Cli.Commands;

/// <summary>
/// Creates options that take a whole number within a range. The option parses its own value, so
/// text, fractions, empty values and out-of-range numbers all become one usage error naming the
/// option, the value and the range. A validator reading a failed conversion would throw instead.
/// </summary>
internal static class WholeNumberOption
{
    public static Option<int?> Create(string name, int minimum, int maximum, string description, string helpName = "N", string? unit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return new Option<int?>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => Parse(result, name, minimum, maximum, unit),
        };
    }

    /// <summary>The usage error for a value outside the range or not a whole number.</summary>
    public static string Describe(string name, string value, int minimum, int maximum, string? unit = null)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"{minimum} to {maximum}");
        var suffix = unit is null ? "" : " " + unit;
        return $"{name} must be a whole number from {range}{suffix}; '{value}' is not.";
    }

    private static int? Parse(ArgumentResult result, string name, int minimum, int maximum, string? unit)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < minimum
            || value > maximum)
        {
            result.AddError(Describe(name, text, minimum, maximum, unit));
            return null;
        }

        return value;
    }
}
