using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shishin.BrowserTests.Infrastructure;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.BrowserTests.Accessibility;

/// <summary>The browser fixture plus what the page table needs: a fresh instance for /setup, real ids, an open invitation, a staff account.</summary>
public sealed class AxeFixture : BrowserFixture
{
    private readonly SemaphoreSlim staffLock = new(1, 1);
    private string? staffState;

    public BrowserNewInstanceFactory NewInstance { get; } = new();

    public IReadOnlyDictionary<string, string> Placeholders { get; private set; } = new Dictionary<string, string>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ((IAsyncLifetime)NewInstance).InitializeAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        var admin = (await users.FindByEmailAsync(ShishinAppFactory.SetupAdminEmail))!;
        var chiyoda = (await organizations.ListAsync()).Single(o => o.Key == "chiyoda");
        var (result, invitation) = await accounts.InviteAsync(
            $"invited-{Guid.NewGuid():N}@example.jp", "招待 一郎", new UserAccess([Roles.Reviewer], [chiyoda.Id]), admin.Id);
        Assert.True(result.Succeeded);
        Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{admin}"] = admin.Id.ToString(),
            ["{organization}"] = chiyoda.Id.ToString(),
            ["{invitation}"] = invitation!.Token,
        };
    }

    public override async Task DisposeAsync()
    {
        await ((IAsyncLifetime)NewInstance).DisposeAsync();
        staffLock.Dispose();
        await base.DisposeAsync();
    }

    public string Resolve(string path) => Placeholders.Aggregate(path, (p, pair) => p.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    public async Task<string?> StateAsync(Viewer viewer) => viewer switch
    {
        Viewer.Admin => await AdminStateAsync(),
        Viewer.Staff => await StaffStateAsync(),
        _ => null,
    };

    /// <summary>A service owner without two-step verification (who is not made to enrol), signed in once.</summary>
    private async Task<string> StaffStateAsync()
    {
        await staffLock.WaitAsync();
        try
        {
            if (staffState is null)
            {
                var (email, _) = await NewUserAsync("staff", admin: false);
                await using var session = await NewSessionAsync();
                await session.SignInAsync(email, null);
                // The first visit to enrolment creates the authenticator key, which renews the security stamp and so
                // would end every copy of this session but the one that made the visit: make it before saving the state.
                await session.GotoAsync("/account/manage/two-factor");
                staffState = await session.Context.StorageStateAsync();
            }

            return staffState;
        }
        finally
        {
            staffLock.Release();
        }
    }
}
