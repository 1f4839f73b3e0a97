using System.Text;
using Shishin.Tests;

namespace Shishin.Cli.Tests;

/// <summary><c>shishin services import | export</c> end to end: exit codes 0, 1 and 2, the report, and the files.</summary>
public abstract class ServiceCommandTests(TestProvider provider) : IDisposable
{
    private const string Header = "key,name_ja,name_en,organization,phase,public,channel,entry_urls,description_ja,description_en,partners";
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-services-").FullName;

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new StringReader(""), output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllBytes(path, encoding.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        Directory.Delete(scratch, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Import_ShiftJisFileWithAMultilineField_DryRunChangesNothingThenImportCreatesAndExportMatches()
    {
        await using var database = TestDatabase.Create(provider);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Write("services.csv", Header + "\r\n" +
            "nursery,\"保育園の\r\n入園申込\",Nursery application,chiyoda,開発,true,web,https://example.jp/,,,\r\n" +
            "tax,住民税の申告,Resident tax return,131032,運用,false,counter,,,,\r\n", Encoding.GetEncoding(932));

        var dry = await RunAsync(database, "services", "import", file, "--dry-run");
        var real = await RunAsync(database, "services", "import", file);
        var again = await RunAsync(database, "services", "import", file);
        var exported = Path.Combine(scratch, "out", "export.csv");
        var export = await RunAsync(database, "services", "export", "--output", exported);

        Assert.True(dry.Exit == 0, dry.Output + dry.Error);
        Assert.Contains("2 to create, 0 to update", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", dry.Output, StringComparison.Ordinal);
        Assert.True(real.Exit == 0, real.Output + real.Error);
        Assert.Contains("Shift_JIS (CP932)", real.Output, StringComparison.Ordinal);
        Assert.Contains("Imported: 2 created, 0 updated.", real.Output, StringComparison.Ordinal);
        Assert.Contains("0 to create, 0 to update, 2 unchanged.", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.Exit);
        Assert.Contains("Exported 2 services", export.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(exported);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            Header + "\r\n" +
            "nursery,\"保育園の\r\n入園申込\",Nursery application,chiyoda,development,true,web,https://example.jp/,,,\r\n" +
            "tax,住民税の申告,Resident tax return,minato,operation,false,counter,,,,\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Import_OneBadRowAfterAMultilineField_ExitsWith1NamingTheLineAndImportsNothing()
    {
        await using var database = TestDatabase.Create(provider);
        var file = Write("bad.csv", Header + "\n" +
            "one,\"一\n二\n三\",One,chiyoda,開発,true,web,,,,\n" +
            "two,二,Two,nowhere,開発,true,web,,,,\n", new UTF8Encoding(true));

        var (exit, output, error) = await RunAsync(database, "services", "import", file);
        var export = await RunAsync(database, "services", "export");

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:5: organization: Unknown organisation 'nowhere'", output, StringComparison.Ordinal);
        Assert.Contains("on line(s) 5; nothing was imported.", error, StringComparison.Ordinal);
        Assert.Equal(0, export.Exit);
        Assert.Equal(Header + "\r\n", export.Output);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWith2()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, error) = await RunAsync(database, "services", "import", Path.Combine(scratch, "nothing.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoFileArgument_ExitsWith2()
    {
        await using var database = TestDatabase.Create(provider);

        var (exit, _, _) = await RunAsync(database, "services", "import");

        Assert.Equal(2, exit);
    }
}

public sealed class ServiceCommandTests_Sqlite() : ServiceCommandTests(TestProvider.Sqlite);

public sealed class ServiceCommandTests_Postgres() : ServiceCommandTests(TestProvider.Postgres);
