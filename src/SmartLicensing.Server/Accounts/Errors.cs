using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Accounts;

public sealed record VirtualAccountNotFound(string Name) : Error(ErrorKind.NotFound, "virtual-account-not-found",
    $"Virtual account '{Name}' was not found. List the virtual accounts with GET /api/v1/virtual-accounts and use one of their names.");

public sealed record VirtualAccountExists(string Name) : Error(ErrorKind.Conflict, "virtual-account-exists",
    $"A virtual account named '{Name}' already exists (names are compared without case). Choose another name.");

public sealed record VirtualAccountNameInvalid(string? Name, string Reason) : Error(ErrorKind.Invalid, "virtual-account-name-invalid",
    $"Virtual account name '{Name}' is not valid: {Reason} Use 1 to {VirtualAccount.MaxNameLength} characters without '/' or control characters.");

public sealed record VirtualAccountDescriptionInvalid(int Length) : Error(ErrorKind.Invalid, "virtual-account-description-invalid",
    $"The description has {Length} characters; a description may have at most {VirtualAccountService.MaxDescriptionLength}. Shorten it.");

public sealed record VirtualAccountNotEmpty(string Name, int Licenses, int ProductInstances) : Error(ErrorKind.Conflict, "virtual-account-not-empty",
    $"Virtual account '{Name}' still holds {Licenses} license purchase(s) and {ProductInstances} product instance(s). Move or remove them before deleting the virtual account.");

public sealed record VirtualAccountIsDefault(string Name) : Error(ErrorKind.Conflict, "virtual-account-is-default",
    $"Virtual account '{Name}' is the default virtual account and cannot be deleted. Make another virtual account the default first.");

public sealed record VirtualAccountHasActiveTokens(string Name, IReadOnlyList<Guid> TokenIds) : Error(ErrorKind.Conflict, "virtual-account-has-active-tokens",
    $"Virtual account '{Name}' still has {TokenIds.Count} active registration token(s): {string.Join(", ", TokenIds)}. Revoke them first with POST /api/v1/tokens/{{id}}/revoke, then delete the virtual account.");
