using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartLicensing.Server.Storage;

/// <summary>Builds the context for the EF Core tools (<c>dotnet ef migrations add</c>); the server never uses it.</summary>
internal sealed class LicensingDbContextFactory : IDesignTimeDbContextFactory<LicensingDbContext>
{
    public LicensingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LicensingDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new LicensingDbContext(options);
    }
}
