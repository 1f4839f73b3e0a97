using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shishin.Core.Data;

// Used by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteShishinDbContext>
{
    public SqliteShishinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShishinDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresShishinDbContext>
{
    public PostgresShishinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShishinDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
