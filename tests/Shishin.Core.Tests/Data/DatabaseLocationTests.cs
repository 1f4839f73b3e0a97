using Shishin.Core.Data;

namespace Shishin.Core.Tests.Data;

public sealed class DatabaseLocationTests
{
    [Fact]
    public void Description_Postgres_NamesServerDatabaseAndUserButNeverThePassword()
    {
        var location = new DatabaseLocation(DatabaseProvider.Postgres, "Host=db.example.jp;Port=5433;Database=shishin;Username=shishin_app;Password=s3cret-canary");

        Assert.Equal("PostgreSQL database shishin on db.example.jp:5433 as shishin_app", location.Description);
        Assert.DoesNotContain("s3cret-canary", location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Description_SqliteRelativePath_IsTheFullPath()
    {
        var location = new DatabaseLocation(DatabaseProvider.Sqlite, "Data Source=data/x.db;Password=s3cret-canary");

        Assert.Equal($"SQLite {Path.GetFullPath("data/x.db")}", location.Description);
        Assert.DoesNotContain("s3cret-canary", location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Description_SqliteInMemory_SaysSo()
    {
        Assert.Equal("SQLite in memory", new DatabaseLocation(DatabaseProvider.Sqlite, "Data Source=:memory:").Description);
    }
}
