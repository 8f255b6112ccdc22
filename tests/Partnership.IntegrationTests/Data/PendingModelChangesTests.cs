using Microsoft.EntityFrameworkCore;

namespace Partnership.IntegrationTests.Data;

/// <summary>
/// Every provider's migrations must match the model. Works without a server: HasPendingModelChanges compares
/// the model with the provider's snapshot. Fix a failure with scripts/add-migration.sh.
/// </summary>
public class PendingModelChangesTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = Partnership.Migrations.Sqlite.DesignTimeDbContextFactory.Create();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations are behind the model.");
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = Partnership.Migrations.SqlServer.DesignTimeDbContextFactory.Create();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations are behind the model.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = Partnership.Migrations.PostgreSql.DesignTimeDbContextFactory.Create();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migrations are behind the model.");
    }

    [Fact]
    public void Each_provider_uses_its_own_migrations_assembly()
    {
        using var sqlite = Partnership.Migrations.Sqlite.DesignTimeDbContextFactory.Create();
        using var sqlServer = Partnership.Migrations.SqlServer.DesignTimeDbContextFactory.Create();
        using var postgreSql = Partnership.Migrations.PostgreSql.DesignTimeDbContextFactory.Create();
        Assert.Contains(sqlite.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Contains(sqlServer.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Contains(postgreSql.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.DoesNotContain(postgreSql.Database.GetMigrations(), m => sqlServer.Database.GetMigrations().Contains(m));
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", sqlite.Database.ProviderName);
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", sqlServer.Database.ProviderName);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", postgreSql.Database.ProviderName);
    }
}
