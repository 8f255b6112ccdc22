using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Partnership.Infrastructure.Data;

namespace Partnership.Migrations.PostgreSql;

/// <summary>Used by <c>dotnet ef</c> to build the model for this provider; it never connects when adding migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create();

    public static AppDbContext Create()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=partnership;Username=partnership").Configure(options);
        return new AppDbContext(options.Options);
    }
}
