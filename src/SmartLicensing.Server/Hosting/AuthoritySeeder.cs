using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.Accounts;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Hosting;

/// <summary>Creates what a new server needs: the smart account, its DEFAULT virtual account and an admin API key.</summary>
internal static class AuthoritySeeder
{
    public const string DefaultVirtualAccountName = "DEFAULT";

    /// <summary>Creates the smart account on first start; returns the new API key text, or null when the account already existed.</summary>
    public static async Task<string?> SeedAsync(LicensingDbContext db, string accountName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.SmartAccounts.AnyAsync(cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var smartAccount = new SmartAccount { Name = accountName.Trim(), ExportControlledQualified = true, CreatedAt = now };
        db.SmartAccounts.Add(smartAccount);
        await db.SaveChangesAsync(cancellationToken);

        var defaultAccount = new VirtualAccount
        {
            SmartAccountId = smartAccount.Id,
            Name = DefaultVirtualAccountName,
            NormalizedName = VirtualAccount.Normalize(DefaultVirtualAccountName),
            Description = "Default virtual account",
            CreatedAt = now,
        };
        db.VirtualAccounts.Add(defaultAccount);
        await db.SaveChangesAsync(cancellationToken);

        smartAccount.DefaultVirtualAccountId = defaultAccount.Id;
        var key = AddAdminKey(db, now);
        EventLog.Add(db, now, null, EventLog.SystemActor, EventCategories.Account, $"Smart account '{smartAccount.Name}' created.");
        EventLog.Add(db, now, defaultAccount.Id, EventLog.SystemActor, EventCategories.Account, $"Virtual account '{DefaultVirtualAccountName}' created as the default virtual account.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes the admin keys and creates a new one, for a data folder whose admin.env was lost.</summary>
    public static async Task<string> ReplaceAdminKeyAsync(LicensingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var oldKeys = await db.ApiKeys.Where(k => k.Name == ApiKeys.AdminKeyName && k.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var oldKey in oldKeys)
        {
            oldKey.RevokedAt = now;
        }

        var key = AddAdminKey(db, now);
        EventLog.Add(db, now, null, EventLog.SystemActor, EventCategories.Account,
            $"Admin API key replaced because {AdminEnvFile.FileName} had no key; {oldKeys.Count} old key(s) revoked.");
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    private static string AddAdminKey(LicensingDbContext db, DateTimeOffset now)
    {
        var key = ApiKeys.Generate();
        db.ApiKeys.Add(new ApiKeyRecord { Name = ApiKeys.AdminKeyName, KeyHash = ApiKeys.Hash(key), CreatedAt = now });
        return key;
    }
}
