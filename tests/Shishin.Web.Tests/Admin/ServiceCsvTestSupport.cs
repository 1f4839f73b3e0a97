using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Core.Organizations;
using Shishin.Core.Services;
using Shishin.Tests;

namespace Shishin.Web.Tests.Admin;

/// <summary>Sessions and sample data that the service CSV page and API tests share.</summary>
internal static class ServiceCsvTestSupport
{
    public const string Header = "key,name_ja,name_en,organization,phase,public,channel,entry_urls,description_ja,description_en,partners";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A new account of the role, signed in; a ServiceOwner belongs to <paramref name="organizationKey"/>; an Admin has TOTP of their own.</summary>
    public static async Task<HttpClient> SessionAsync(ShishinAppFactory app, string role, string? organizationKey = null)
    {
        var email = $"csv-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (user, key) = await app.CreateUserAsync(email, [role], twoFactor: role == Roles.Admin);
        if (organizationKey is not null)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var organization = await scope.ServiceProvider.GetRequiredService<OrganizationService>().FindByKeyAsync(organizationKey);
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();
            Assert.True((await accounts.SetAccessAsync((await accounts.FindAsync(user.Id))!, new UserAccess([role], [organization!.Id]))).Succeeded);
        }

        return await app.SignInAsync(email, key);
    }

    public static async Task<Service?> FindAsync(ShishinAppFactory app, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().Services.AsNoTracking()
            .Include(s => s.OwnerOrganization).FirstOrDefaultAsync(s => s.Key == key);
    }

    /// <summary>Posts the file to the import page with the form's antiforgery token, as a browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, string? handler = null, Encoding? encoding = null)
    {
        var token = await client.AntiforgeryTokenAsync("/admin/services/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent((encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray());
        file.Headers.ContentType = new("text/csv");
        form.Add(file, "Upload", "services.csv");
        return await client.PostAsync("/admin/services/import" + (handler is null ? "" : "?handler=" + handler), form);
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);
}
