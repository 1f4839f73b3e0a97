extern alias cli;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using cli::Shishin.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.ApiKeys;
using Shishin.Core.Auditing;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Scans;
using Shishin.Core.Services;

namespace Shishin.BrowserTests.Scans;

/// <summary>
/// <c>shishin scan --upload</c> end to end: the command scans a page of a real Shishin instance on Kestrel over
/// loopback (<c>--allow-private</c>) with real Chromium, then uploads its JSON report to that same instance, which
/// stores it as a run of the service. The key comes from SHISHIN_API_KEY and never appears in what the command prints.
/// </summary>
[Collection(ScanUploadGroup.Name)]
public sealed class ScanUploadTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>The exit code and variable docs/scanner.md documents (the command's own constants are internal).</summary>
    private const int UploadFailedExit = 3;
    private const string KeyVariable = "SHISHIN_API_KEY";

    [Fact]
    public async Task Upload_KeyFromTheEnvironment_StoresAnUploadedRunAndPrintsItsAddress()
    {
        var service = await ServiceAsync();
        var key = await OwnerKeyAsync("chiyoda");

        var (exit, output, error) = await ScanAsync(key, useEnvironment: true, service);

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain(key, output + error, StringComparison.Ordinal);
        var line = output.Split('\n').Single(l => l.StartsWith("Scan uploaded: ", StringComparison.Ordinal)).Trim();
        var runUrl = new Uri(line["Scan uploaded: ".Length..]);
        Assert.StartsWith(new Uri(app.BaseAddress, "api/v1/scans/").AbsoluteUri, runUrl.AbsoluteUri, StringComparison.Ordinal);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var run = JsonDocument.Parse(await client.GetStringAsync(runUrl));
        Assert.Equal(("uploaded", "full", 1), (run.RootElement.GetProperty("trigger").GetString(), run.RootElement.GetProperty("detail").GetString(),
            run.RootElement.GetProperty("pages").GetArrayLength()));
        Assert.Equal(new Uri(app.BaseAddress, "accessibility").AbsoluteUri, run.RootElement.GetProperty("pages")[0].GetProperty("requestedUrl").GetString());
        var id = Guid.Parse(runUrl.Segments[^1]);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().ScanRuns.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ScanTrigger.Uploaded, ScanRunStatus.Done), (stored.Trigger, stored.Status));
    }

    [Fact]
    public async Task Upload_KeyOfAnotherOrganisationsOwner_Exits3WithTheServersProblem()
    {
        var service = await ServiceAsync();
        var key = await OwnerKeyAsync("minato");

        var (exit, output, error) = await ScanAsync(key, useEnvironment: false, service);

        Assert.True(exit == UploadFailedExit, output + error);
        Assert.Contains("The upload failed (HTTP 404)", error, StringComparison.Ordinal);
        Assert.Contains("Service not found", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnknownKey_Exits3NamingTheRefusal()
    {
        var service = await ServiceAsync();
        const string key = "shk_this-key-does-not-exist-0123456789";

        var (exit, output, error) = await ScanAsync(key, useEnvironment: false, service);

        Assert.True(exit == UploadFailedExit, output + error);
        Assert.Contains("The upload failed (HTTP 401)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, output + error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> ScanAsync(string key, bool useEnvironment, string service)
    {
        string[] args =
        [
            "scan", new Uri(app.BaseAddress, "accessibility").AbsoluteUri, "--depth", "0", "--max-pages", "1",
            "--allow-private", "--browser", BrowserFixture.HeadlessShellPath(), "--fail-on", "none", "--lang", "en",
            "--upload", app.BaseAddress.AbsoluteUri, "--service", service,
            .. useEnvironment ? Array.Empty<string>() : ["--api-key", key],
        ];
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        // Tests of this collection run one at a time, so the process-wide variable is this test's alone.
        Environment.SetEnvironmentVariable(KeyVariable, useEnvironment ? key : null);
        try
        {
            var exit = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeyVariable, null);
        }
    }

    private async Task<string> ServiceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        var admin = new ServiceScope(new Viewer(null, new HashSet<string> { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());
        var key = "upload-" + Guid.NewGuid().ToString("N")[..10];
        var result = await scope.ServiceProvider.GetRequiredService<ServiceRegistry>().CreateAsync(
            new ServiceInput(key, "粗大ごみ収集の申込み", "Bulky waste collection", "", "", "chiyoda", [], [app.BaseAddress.AbsoluteUri], "", "web", false, "development"),
            admin);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return key;
    }

    /// <summary>A write key of a new service owner of the organisation.</summary>
    private async Task<string> OwnerKeyAsync(string organization)
    {
        var email = $"uploader-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [Roles.ServiceOwner]);
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var organizationId = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(organization))!.Id;
        Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([Roles.ServiceOwner], [organizationId]))).Succeeded);
        var fresh = (await scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>().FindByIdAsync(user.Id.ToString()))!;
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(fresh, "ci", 30, [ApiKeyScopes.Read, ApiKeyScopes.Write]);
        return key.PlainText;
    }
}

/// <summary>The upload tests set SHISHIN_API_KEY for the process, so they run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScanUploadGroup
{
    public const string Name = "Scan upload";
}
