using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Catalog;
using Shishin.Tests;
using Shishin.Web.Pages.Admin.Catalog;

namespace Shishin.Web.Tests.Catalog;

/// <summary>Driving the catalogue pages like a browser: forms with repeated fields, the draft revision from the page.</summary>
internal static partial class CatalogPages
{
    /// <summary>POSTs fields (names may repeat, like checkboxes) with the antiforgery token of <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var token = await client.AntiforgeryTokenAsync(formPage ?? path);
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>The draft revision a page carries in its forms.</summary>
    public static int Revision(string html)
    {
        var match = RevisionPattern().Match(html);
        Assert.True(match.Success, "The page carries no draft revision.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static string RevisionText(string html) => Revision(html).ToString(CultureInfo.InvariantCulture);

    /// <summary>What a browser posts for the checkpoint form.</summary>
    public static List<KeyValuePair<string, string>> Fields(CheckpointForm form, int revision)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Revision", revision.ToString(CultureInfo.InvariantCulture)),
            new("Input.Id", form.Id ?? ""),
            new("Input.Owner", form.Owner ?? ""),
            new("Input.TitleJa", form.TitleJa ?? ""),
            new("Input.TitleEn", form.TitleEn ?? ""),
            new("Input.GuidanceJa", form.GuidanceJa ?? ""),
            new("Input.GuidanceEn", form.GuidanceEn ?? ""),
            new("Input.EvidenceJa", form.EvidenceJa ?? ""),
            new("Input.EvidenceEn", form.EvidenceEn ?? ""),
            new("Input.ScannerRules", form.ScannerRules ?? ""),
            new("Input.Wcag", form.Wcag ?? ""),
            new("Input.Jis", form.Jis ?? ""),
            new("Input.UkServiceStandard", form.UkServiceStandard ?? ""),
            new("Input.UsPlaybook", form.UsPlaybook ?? ""),
            new("Input.Asvs", form.Asvs ?? ""),
            new("Input.Sources", form.Sources ?? ""),
        };
        if (form.CheckType is { } checkType)
        {
            fields.Add(new("Input.CheckType", checkType));
        }

        fields.AddRange(form.Phases.Select(p => new KeyValuePair<string, string>("Input.Phases", p)));
        fields.AddRange(form.Parameters.Select(p => new KeyValuePair<string, string>("Input.Parameters", p)));
        return fields;
    }

    /// <summary>Opens the edit page of a checkpoint, lets <paramref name="change"/> alter the form, and posts it.</summary>
    public static async Task<HttpResponseMessage> EditCheckpointAsync(this HttpClient admin, ShishinAppFactory app, string id, Action<CheckpointForm> change, int? revision = null)
    {
        var path = $"/admin/catalog/checkpoints/{id}/edit";
        var page = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var draft = await WithCatalogAsync(app, c => c.GetDraftAsync());
        var checkpoint = Assert.IsType<CatalogSnapshot>(draft).Document.FindCheckpoint(id)!;
        var form = CheckpointForm.From(checkpoint);
        change(form);
        return await admin.PostFieldsAsync(path, Fields(form, revision ?? Revision(html)));
    }

    public static async Task<T> WithCatalogAsync<T>(ShishinAppFactory app, Func<CatalogService, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CatalogService>());
    }

    /// <summary>Throws away any draft and starts a new one from the current version, as the test's starting point.</summary>
    public static Task<CatalogSnapshot> FreshDraftAsync(ShishinAppFactory app) => WithCatalogAsync(app, async catalog =>
    {
        if (await catalog.GetDraftAsync() is { } draft)
        {
            await catalog.DiscardDraftAsync(draft.Revision);
        }

        return await catalog.CreateDraftAsync();
    });

    public static Task DiscardAnyDraftAsync(ShishinAppFactory app) => WithCatalogAsync(app, async catalog =>
    {
        if (await catalog.GetDraftAsync() is { } draft)
        {
            await catalog.DiscardDraftAsync(draft.Revision);
        }

        return true;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ShishinAppFactory, Lazy<Task<HttpClient>>> Admins = new();

    // One admin session per app: a TOTP step signs in only once, so signing in for every test would wait for new steps.
    public static Task<HttpClient> AdminAsync(ShishinAppFactory app) =>
        Admins.GetOrAdd(app, _ => new Lazy<Task<HttpClient>>(() => app.SignInAsync(ShishinAppFactory.SetupAdminEmail, app.SetupAdminKey))).Value;

    [GeneratedRegex("name=\"[Rr]evision\" value=\"([0-9]+)\"")]
    private static partial Regex RevisionPattern();
}
