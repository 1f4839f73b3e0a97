namespace Shishin.Cli.Tests;

/// <summary>Which folder's <c>appsettings</c> files the CLI reads, so that it opens what the web app opens.</summary>
public sealed class WebAppSettingsTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("shishin-cli-settings-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Folder(string name, bool withSettings = false, bool checkoutRoot = false)
    {
        var path = Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
        if (withSettings)
            File.WriteAllText(Path.Combine(path, "appsettings.json"), "{}");
        if (checkoutRoot)
            File.WriteAllText(Path.Combine(path, "Shishin.slnx"), "<Solution />");
        return path;
    }

    [Fact]
    public void Folder_WorkingDirectoryHoldsAppsettings_IsTheWorkingDirectory()
    {
        var deployment = Folder("deployment", withSettings: true);
        var program = Folder("program", withSettings: true);

        Assert.Equal(deployment, WebAppSettings.Folder(deployment, program));
    }

    [Fact]
    public void Folder_ProgramBuiltInASourceCheckout_IsTheWebProjectOfThatCheckout()
    {
        var checkout = Folder("checkout", checkoutRoot: true);
        var web = Folder(Path.Combine("checkout", "src", "Shishin.Web"), withSettings: true);
        var program = Folder(Path.Combine("checkout", "src", "Shishin.Cli", "bin", "Debug", "net10.0"), withSettings: true);

        Assert.Equal(web, WebAppSettings.Folder(Folder("elsewhere"), program));
        Assert.True(Directory.Exists(checkout));
    }

    [Fact]
    public void Folder_PublishedBesideTheWebApp_IsTheProgramFolder()
    {
        var program = Folder("published", withSettings: true);

        Assert.Equal(program, WebAppSettings.Folder(Folder("elsewhere"), program));
    }

    [Fact]
    public void Folder_NoSettingsAnywhere_IsNull()
    {
        Assert.Null(WebAppSettings.Folder(Folder("elsewhere"), Folder("program")));
    }
}
