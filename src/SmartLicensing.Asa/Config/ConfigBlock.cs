using System.Collections.Immutable;

namespace SmartLicensing.Asa.Config;

/// <summary>
/// One top-level configuration command and the sub-commands under it, as <c>show running-config</c>
/// prints them: <c>interface GigabitEthernet0/1.10</c> with <c> vlan 10</c>, or a single line such as
/// <c>tls-proxy maximum-sessions 500</c>.
/// </summary>
/// <param name="Header">The top-level command.</param>
/// <param name="Lines">Sub-commands with their leading spaces.</param>
internal sealed record ConfigBlock(string Header, ImmutableList<string> Lines)
{
    public static ConfigBlock Single(string header) => new(header, []);
}

internal static class ConfigBlocks
{
    public static ConfigBlock? Find(this ImmutableList<ConfigBlock> blocks, string header) =>
        blocks.FirstOrDefault(b => string.Equals(b.Header, header, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces the block with the same header in place, or appends it.</summary>
    public static ImmutableList<ConfigBlock> Put(this ImmutableList<ConfigBlock> blocks, ConfigBlock block)
    {
        var index = blocks.FindIndex(b => string.Equals(b.Header, block.Header, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? blocks.Add(block) : blocks.SetItem(index, block);
    }

    /// <summary>Removes blocks whose header starts with a prefix, for example every <c>tls-proxy maximum-sessions</c> line.</summary>
    public static ImmutableList<ConfigBlock> RemoveStartingWith(this ImmutableList<ConfigBlock> blocks, string prefix) =>
        blocks.RemoveAll(b => b.Header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
