using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Accounts;

/// <summary>Finds virtual accounts by name, ignoring case, for every Admin API feature.</summary>
public static class VirtualAccountLookup
{
    public static async Task<Result<VirtualAccount>> FindAsync(LicensingDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);

        var normalized = VirtualAccount.Normalize(name);
        var account = await db.VirtualAccounts.FirstOrDefaultAsync(v => v.NormalizedName == normalized, cancellationToken);
        return account is null ? new VirtualAccountNotFound(name) : account;
    }

    /// <summary>Maps virtual account ids to names, for views that show the name.</summary>
    public static Task<Dictionary<int, string>> NamesAsync(LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.VirtualAccounts.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
    }
}
