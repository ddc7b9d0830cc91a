using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartLicensing.Catalog;
using SmartLicensing.Protocol.Messages;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.Devices;
using SmartLicensing.Server.Licenses;
using Xunit;

namespace SmartLicensing.Server.Tests.Support;

/// <summary>Puts licenses and product instances into a running test server.</summary>
public static class Seed
{
    public static readonly string Standard1G = CatalogLoader.BuiltIn.FindByShortTag("ASAv-STD-1G")!.Tag;
    public static readonly string Standard2G = CatalogLoader.BuiltIn.FindByShortTag("ASAv-STD-2G")!.Tag;

    public static async Task ImportCsvAsync(AuthorityServer server, string virtualAccount, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await server.Client.PostAsync($"/api/v1/virtual-accounts/{Uri.EscapeDataString(virtualAccount)}/licenses", content, TestContext.Current.CancellationToken);
        await response.JsonAsync(201);
    }

    /// <summary>Creates a registration token for the DEFAULT virtual account through the Admin API and returns it.</summary>
    public static async Task<string> CreateTokenAsync(AuthorityServer server)
    {
        var created = await (await server.Client.PostJsonAsync("/api/v1/virtual-accounts/DEFAULT/tokens", new { })).JsonAsync(201);
        return created.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// Adds a registered product instance directly in the database, with its entitlements counted
    /// in the virtual account's in-use totals, as a device registration would leave it.
    /// </summary>
    public static async Task<Guid> AddProductInstanceAsync(AuthorityServer server, string virtualAccount, string udi, params (string Tag, int Count)[] entitlements)
    {
        var id = Guid.NewGuid();
        await server.WithDbAsync(async db =>
        {
            var normalized = VirtualAccount.Normalize(virtualAccount);
            var account = await db.VirtualAccounts.SingleAsync(v => v.NormalizedName == normalized, TestContext.Current.CancellationToken);
            var now = server.Time.GetUtcNow();
            var parts = udi.Split(',');
            db.ProductInstances.Add(new ProductInstance
            {
                Id = id,
                VirtualAccountId = account.Id,
                Udi = udi,
                ProductId = parts[0]["PID:".Length..],
                SerialNumber = parts[1]["SN:".Length..],
                ProductName = "ASAv",
                PublicKey = new byte[32],
                CertificateSerial = Convert.ToHexString(id.ToByteArray()),
                CertificateNotBefore = now,
                CertificateNotAfter = now.AddYears(1),
                RegisteredAt = now,
                LastContactAt = now,
                ExportControlledAllowed = true,
                Version = Guid.NewGuid(),
                Entitlements = entitlements
                    .Select(e => new ProductInstanceEntitlement { ProductInstanceId = id, Tag = e.Tag, Count = e.Count, Status = EntitlementStatus.Authorized })
                    .ToList(),
            });

            foreach (var (tag, count) in entitlements)
            {
                var balance = await db.EntitlementBalances.FirstOrDefaultAsync(b => b.VirtualAccountId == account.Id && b.Tag == tag, TestContext.Current.CancellationToken);
                if (balance is null)
                {
                    balance = new EntitlementBalance { VirtualAccountId = account.Id, Tag = tag };
                    db.EntitlementBalances.Add(balance);
                }

                balance.InUse += count;
                balance.Version = Guid.NewGuid();
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return id;
    }
}
