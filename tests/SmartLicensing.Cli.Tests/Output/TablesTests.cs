using SmartLicensing.Cli.Api.Models;
using SmartLicensing.Cli.Output;
using SmartLicensing.Cli.Tests.Support;

namespace SmartLicensing.Cli.Tests.Output;

public sealed class TablesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Licenses_FixedRows_PrintsColumnsAndValues()
    {
        LicenseInfo[] licenses =
        [
            new("Lab", "regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", "ASAv-STD-1G", "ASAv10 Standard - 1G", 5, 1, 4, new DateTimeOffset(2029, 12, 31, 23, 59, 59, TimeSpan.Zero)),
            new("Lab", "regid.2014-08.com.cisco.ASAv-STD-2G,1.0_e9706a60-0bca-4998-a8da-a3f4991467db", "ASAv-STD-2G", "ASAv30 Standard - 2G", 2, 3, -1, null),
        ];

        var text = Render.ToText(Tables.Licenses(licenses));

        var header = Render.RowCells(text, "Virtual Account");
        Assert.Equal(["Virtual Account", "License", "Tag", "Purchased", "In Use", "Balance", "Expires"], header);
        Assert.Equal(["Lab", "ASAv10 Standard - 1G", "ASAv-STD-1G", "5", "1", "4", "2029-12-31"], Render.RowCells(text, "ASAv-STD-1G"));
        Assert.Equal(["Lab", "ASAv30 Standard - 2G", "ASAv-STD-2G", "2", "3", "-1", "never"], Render.RowCells(text, "ASAv-STD-2G"));
    }

    [Fact]
    public void Tokens_FixedRows_ShowDaysLeft()
    {
        var id = Guid.Parse("0b5f7c1e-9a43-4d7e-8c51-3f2a6d9e1b20");
        TokenInfo[] tokens =
        [
            new(id, null, "MGI1ZjdjMWUt", "Lab", "lab firewalls", Now.AddDays(-1), Now.AddDays(30), 1, 5, true, "admin", "ACTIVE"),
            new(Guid.Parse("7d9c4b1a-2f3e-4a5b-8c6d-1e2f3a4b5c6d"), null, "N2Q5YzRiMWEt", "Lab", null, Now.AddDays(-40), Now.AddDays(-10), 0, null, false, "admin", "EXPIRED"),
        ];

        var text = Render.ToText(Tables.Tokens(tokens, Now));

        Assert.Equal(
            ["ID", "Token", "Virtual Account", "Expiration Date", "Uses", "Export-Controlled", "Description", "Created By", "Status"],
            Render.RowCells(text, "Expiration Date"));
        Assert.Equal(
            [id.ToString("D"), "MGI1ZjdjMWUt...", "Lab", "2026-12-31 (in 30 days)", "1 of 5", "Allowed", "lab firewalls", "admin", "ACTIVE"],
            Render.RowCells(text, "MGI1ZjdjMWUt"));
        Assert.Equal(
            ["7d9c4b1a-2f3e-4a5b-8c6d-1e2f3a4b5c6d", "N2Q5YzRiMWEt...", "Lab", "2026-11-21 (expired)", "0", "Not Allowed", "-", "admin", "EXPIRED"],
            Render.RowCells(text, "N2Q5YzRiMWEt"));
    }

    [Fact]
    public void VirtualAccounts_MarkupCharacters_PrintLiterally()
    {
        VirtualAccountInfo[] accounts = [new("[lab]", "a [bold] name", true, Now, 2, 3)];

        var text = Render.ToText(Tables.VirtualAccounts(accounts));

        Assert.Equal(["[lab]", "a [bold] name", "yes", "3", "2", "2026-12-01"], Render.RowCells(text, "[lab]"));
    }

    [Fact]
    public void ProductInstances_FixedRow_SummarizesEntitlements()
    {
        var id = Guid.Parse("4c3b2a19-0817-4625-9443-a2b1c0d9e8f7");
        ProductInstanceInfo[] instances =
        [
            new(id, "PID:ASAv,SN:9A5KJ3PLQ2X", "ASAv", "Lab", Now.AddHours(-2), Now.AddHours(-1), true,
                [new("regid.2014-08.com.cisco.ASAv-STD-1G,1.0_5c4abf17-2b9a-48a5-9b83-af05b8e9dbb6", "ASAv-STD-1G", "ASAv10 Standard - 1G", 1, "AUTHORIZED")]),
        ];

        var text = Render.ToText(Tables.ProductInstances(instances));

        Assert.Equal(
            ["PID:ASAv,SN:9A5KJ3PLQ2X", "ASAv", "Lab", "ASAv-STD-1G", "2026-12-01 10:00:00 UTC", "2026-12-01 11:00:00 UTC", id.ToString("D")],
            Render.RowCells(text, "PID:ASAv"));
    }

    [Fact]
    public void Events_FixedRow_PrintsTimeActorAndMessage()
    {
        EventInfo[] events = [new(Now, null, "admin", "account", "Created virtual account 'Lab'.")];

        var text = Render.ToText(Tables.Events(events));

        Assert.Equal(["2026-12-01 12:00:00 UTC", "-", "admin", "account", "Created virtual account 'Lab'."], Render.RowCells(text, "Created virtual"));
    }
}
