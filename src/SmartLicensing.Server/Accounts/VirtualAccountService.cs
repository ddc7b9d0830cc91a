using Microsoft.EntityFrameworkCore;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Events;
using SmartLicensing.Server.Storage;

namespace SmartLicensing.Server.Accounts;

/// <summary>Reads the smart account and creates, renames, deletes and re-assigns virtual accounts.</summary>
public sealed class VirtualAccountService(LicensingDbContext db, TimeProvider timeProvider)
{
    public const int MaxDescriptionLength = 500;

    public async Task<AccountView> GetAccountAsync(CancellationToken cancellationToken)
    {
        var account = await db.SmartAccounts.AsNoTracking().SingleAsync(cancellationToken);
        var defaultName = await db.VirtualAccounts.AsNoTracking()
            .Where(v => v.Id == account.DefaultVirtualAccountId)
            .Select(v => v.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return new AccountView(account.Name, account.ExportControlledQualified, account.ReservationEnabled, defaultName);
    }

    public async Task<IReadOnlyList<VirtualAccountView>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.VirtualAccounts.AsNoTracking().OrderBy(v => v.NormalizedName).ToListAsync(cancellationToken);
        var views = new List<VirtualAccountView>(accounts.Count);
        foreach (var account in accounts)
        {
            views.Add(await ToViewAsync(account, cancellationToken));
        }

        return views;
    }

    public async Task<Result<VirtualAccountView>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await VirtualAccountLookup.FindAsync(db, name, cancellationToken);
        return found.IsSuccess ? await ToViewAsync(found.Value, cancellationToken) : found.Error;
    }

    public async Task<Result<VirtualAccountView>> CreateAsync(CreateVirtualAccountRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var name = CheckName(request.Name);
        if (!name.IsSuccess)
        {
            return name.Error;
        }

        var description = CheckDescription(request.Description);
        if (description is not null)
        {
            return description;
        }

        var normalized = VirtualAccount.Normalize(name.Value);
        if (await db.VirtualAccounts.AnyAsync(v => v.NormalizedName == normalized, cancellationToken))
        {
            return new VirtualAccountExists(name.Value);
        }

        var smartAccount = await db.SmartAccounts.SingleAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        // The event needs the new id, so the row and its event commit in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = new VirtualAccount
        {
            SmartAccountId = smartAccount.Id,
            Name = name.Value,
            NormalizedName = normalized,
            Description = NullIfBlank(request.Description),
            CreatedAt = now,
        };
        db.VirtualAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);

        EventLog.Add(db, now, account.Id, actor, EventCategories.Account, $"Virtual account '{account.Name}' created.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return await ToViewAsync(account, cancellationToken);
    }

    public async Task<Result<VirtualAccountView>> UpdateAsync(string currentName, UpdateVirtualAccountRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var found = await VirtualAccountLookup.FindAsync(db, currentName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        var now = timeProvider.GetUtcNow();
        if (request.Name is not null)
        {
            var name = CheckName(request.Name);
            if (!name.IsSuccess)
            {
                return name.Error;
            }

            var normalized = VirtualAccount.Normalize(name.Value);
            if (normalized != account.NormalizedName && await db.VirtualAccounts.AnyAsync(v => v.NormalizedName == normalized, cancellationToken))
            {
                return new VirtualAccountExists(name.Value);
            }

            if (name.Value != account.Name)
            {
                EventLog.Add(db, now, account.Id, actor, EventCategories.Account, $"Virtual account renamed from '{account.Name}' to '{name.Value}'.");
                account.Name = name.Value;
                account.NormalizedName = normalized;
            }
        }

        if (request.Description is not null)
        {
            var description = CheckDescription(request.Description);
            if (description is not null)
            {
                return description;
            }

            var newDescription = NullIfBlank(request.Description);
            if (newDescription != account.Description)
            {
                account.Description = newDescription;
                EventLog.Add(db, now, account.Id, actor, EventCategories.Account, $"Description of virtual account '{account.Name}' changed.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToViewAsync(account, cancellationToken);
    }

    public async Task<Result<string>> DeleteAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var found = await VirtualAccountLookup.FindAsync(db, name, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        var smartAccount = await db.SmartAccounts.SingleAsync(cancellationToken);
        if (smartAccount.DefaultVirtualAccountId == account.Id)
        {
            return new VirtualAccountIsDefault(account.Name);
        }

        var purchases = await db.LicensePurchases.CountAsync(p => p.VirtualAccountId == account.Id, cancellationToken);
        var instances = await db.ProductInstances.CountAsync(p => p.VirtualAccountId == account.Id, cancellationToken);
        if (purchases > 0 || instances > 0)
        {
            return new VirtualAccountNotEmpty(account.Name, purchases, instances);
        }

        // A token that can still register a device must be revoked on purpose, not lost with its account.
        var now = timeProvider.GetUtcNow();
        var unrevoked = await db.RegistrationTokens
            .Where(t => t.VirtualAccountId == account.Id && t.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var active = unrevoked.Where(t => Tokens.TokenStatus.Of(t, now) == Tokens.TokenStatus.Active).Select(t => t.Id).Order().ToList();
        if (active.Count > 0)
        {
            return new VirtualAccountHasActiveTokens(account.Name, active);
        }

        // With no purchases and no instances, balances are all zero and tokens have nothing left to register into.
        db.EntitlementBalances.RemoveRange(db.EntitlementBalances.Where(b => b.VirtualAccountId == account.Id));
        db.RegistrationTokens.RemoveRange(db.RegistrationTokens.Where(t => t.VirtualAccountId == account.Id));
        db.VirtualAccounts.Remove(account);
        EventLog.Add(db, timeProvider.GetUtcNow(), null, actor, EventCategories.Account, $"Virtual account '{account.Name}' deleted.");
        await db.SaveChangesAsync(cancellationToken);
        return account.Name;
    }

    public async Task<Result<VirtualAccountView>> SetDefaultAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var found = await VirtualAccountLookup.FindAsync(db, name, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var account = found.Value;
        var smartAccount = await db.SmartAccounts.SingleAsync(cancellationToken);
        if (smartAccount.DefaultVirtualAccountId != account.Id)
        {
            smartAccount.DefaultVirtualAccountId = account.Id;
            EventLog.Add(db, timeProvider.GetUtcNow(), account.Id, actor, EventCategories.Account, $"Virtual account '{account.Name}' is now the default virtual account.");
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ToViewAsync(account, cancellationToken);
    }

    /// <summary>Checks a requested name and returns it trimmed.</summary>
    public static Result<string> CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new VirtualAccountNameInvalid(name, "the name is empty.");
        }

        if (trimmed.Length > VirtualAccount.MaxNameLength)
        {
            return new VirtualAccountNameInvalid(name, $"the name has {trimmed.Length} characters.");
        }

        if (trimmed.Any(c => char.IsControl(c) || c == '/'))
        {
            return new VirtualAccountNameInvalid(name, "the name contains '/' or a control character.");
        }

        return trimmed;
    }

    private static VirtualAccountDescriptionInvalid? CheckDescription(string? description) =>
        description is { Length: > MaxDescriptionLength } ? new VirtualAccountDescriptionInvalid(description.Length) : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<VirtualAccountView> ToViewAsync(VirtualAccount account, CancellationToken cancellationToken)
    {
        var defaultId = await db.SmartAccounts.AsNoTracking().Select(a => a.DefaultVirtualAccountId).SingleAsync(cancellationToken);
        var instances = await db.ProductInstances.CountAsync(p => p.VirtualAccountId == account.Id, cancellationToken);
        var licenses = await db.EntitlementBalances.CountAsync(b => b.VirtualAccountId == account.Id && b.Purchased > 0, cancellationToken);
        return new VirtualAccountView(account.Name, account.Description, defaultId == account.Id, account.CreatedAt, instances, licenses);
    }
}
