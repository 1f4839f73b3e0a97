using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Auditing;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Services;

/// <summary>Services and service owners for the register's write tests, made through Core as an admin would.</summary>
internal static class ServiceSamples
{
    public static string NewKey() => "svc-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A service of <paramref name="organization"/> in the development phase; returns its key.</summary>
    public static async Task<string> CreateAsync(ShishinAppFactory app, string organization, bool isPublic)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "test";
        var registry = scope.ServiceProvider.GetRequiredService<ServiceRegistry>();
        var admin = new ServiceScope(new Viewer(null, new HashSet<string> { Roles.Admin }), new HashSet<Guid>(), new HashSet<Guid>());
        var key = NewKey();
        var result = await registry.CreateAsync(
            new ServiceInput(key, "粗大ごみ収集の申込み", "Bulky waste collection", "", "", organization, [], ["https://www.example.lg.jp/sodai"], "", "web", isPublic, "development"),
            admin);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return key;
    }

    /// <summary>A new service owner of <paramref name="organization"/>, signed in.</summary>
    public static async Task<HttpClient> OwnerOfAsync(ShishinAppFactory app, string organization) =>
        await app.SignInAsync(await OwnerEmailAsync(app, organization));

    public static async Task<string> OwnerEmailAsync(ShishinAppFactory app, string organization) =>
        await UserAsync(app, Roles.ServiceOwner, organization);

    /// <summary>A new account of <paramref name="role"/>, a member of the organisation keyed <paramref name="organization"/> when given; returns its e-mail.</summary>
    public static async Task<string> UserAsync(ShishinAppFactory app, string role, string? organization = null)
    {
        Guid? id = null;
        if (organization is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            id = (await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(organization))!.Id;
        }

        return await MemberAsync(app, role, id);
    }

    /// <summary>A new account of <paramref name="role"/>, a member of <paramref name="organization"/> when given; returns its e-mail.</summary>
    public static async Task<string> MemberAsync(ShishinAppFactory app, string role, Guid? organization)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, _) = await app.CreateUserAsync(email, [role]);
        if (organization is { } id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([role], [id]))).Succeeded);
        }

        return email;
    }

    /// <summary>A new account of <paramref name="role"/> belonging to <paramref name="organization"/> (its bureau or partner company), signed in.</summary>
    public static async Task<HttpClient> SignInAsync(ShishinAppFactory app, string role, Guid? organization) =>
        await app.SignInAsync(await MemberAsync(app, role, organization));

    public static async Task<Service> FindAsync(ShishinAppFactory app, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ServiceRegistry>().FindAsync(key))!;
    }
}
