using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnership.Infrastructure.Data;

namespace Partnership.Migrations.SqlServer;

/// <summary>Used by <c>dotnet ef</c> to build the model for this provider; it never connects when adding migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create();

    public static AppDbContext Create()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(DatabaseProvider.SqlServer, "Server=localhost;Database=Partnership;Integrated Security=true;TrustServerCertificate=true").Configure(options);
        return new AppDbContext(options.Options);
    }
}
