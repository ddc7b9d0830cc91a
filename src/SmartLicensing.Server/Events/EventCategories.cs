namespace SmartLicensing.Server.Events;

/// <summary>Values of <see cref="EventRecord.Category"/>.</summary>
public static class EventCategories
{
    public const string Account = "account";
    public const string License = "license";
    public const string Token = "token";
    public const string Device = "device";
}
