using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Shishin.Core.Data;

namespace Shishin.Core.Tests.Data;

/// <summary>The order in which the data directory is found: configuration, the source checkout, the user's data folder.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-datadir-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static IConfiguration Configuration(string? dataDirectory = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [DataDirectory.ConfigurationKey] = dataDirectory })
        .Build();

    /// <summary>A source checkout with a built program deep inside it, as dotnet build lays it out.</summary>
    private string Checkout(out string programDirectory)
    {
        var root = Path.Combine(scratch, "checkout");
        programDirectory = Directory.CreateDirectory(Path.Combine(root, "src", "Shishin.Cli", "bin", "Debug", "net10.0")).FullName;
        File.WriteAllText(Path.Combine(root, "Shishin.slnx"), "<Solution />");
        return root;
    }

    [Fact]
    public void Resolve_Configured_WinsOverTheCheckout()
    {
        Checkout(out var program);
        var configured = Path.Combine(scratch, "elsewhere");

        Assert.Equal(configured, DataDirectory.Resolve(Configuration(configured), program));
    }

    [Fact]
    public void Resolve_ConfiguredRelative_IsTakenFromTheWorkingDirectory()
    {
        Checkout(out var program);

        Assert.Equal(Path.GetFullPath("relative-data"), DataDirectory.Resolve(Configuration("relative-data"), program));
    }

    [Fact]
    public void Resolve_NotConfigured_IsDataAtTheRootOfTheCheckoutTheProgramIsIn()
    {
        var root = Checkout(out var program);

        Assert.Equal(Path.Combine(root, "data"), DataDirectory.Resolve(Configuration(), program));
    }

    [Fact]
    public void Resolve_NotConfiguredOutsideACheckout_IsShishinInTheUsersDataFolder()
    {
        var published = Directory.CreateDirectory(Path.Combine(scratch, "published")).FullName;

        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "shishin"),
            DataDirectory.Resolve(Configuration(), published));
    }

    [Fact]
    public void DefaultSqliteConnectionString_ConfiguredFolderWithASemicolon_NamesShishinDbInIt()
    {
        var folder = Path.Combine(scratch, "odd;name");

        var builder = new SqliteConnectionStringBuilder(DataDirectory.DefaultSqliteConnectionString(Configuration(folder)));

        Assert.Equal(Path.Combine(folder, "shishin.db"), builder.DataSource);
    }
}
