using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.ApiKeys;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in user's API keys: the list, a form to create one (the key is shown on the answer to that POST and
/// nowhere else: no redirect, no TempData, no cache) and revocation.
/// </summary>
public sealed class ApiKeysModel(ApiKeyService keys, UserManager<ShishinUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ApiKeyInput Input { get; set; } = new();

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The key just created, in clear: only in the answer to the POST that created it.</summary>
    public string? CreatedKey { get; private set; }

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Input = ApiKeyInput.Initial();
        await LoadAsync(user.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ApiKeyScopes.TryNormalize(Input.Scopes, out _))
        {
            ModelState.AddModelError("Input.Scopes", l["Choose what the key may do."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user.Id);
            return Page();
        }

        var created = await keys.CreateAsync(user, Input.Name, Input.ExpiresInDays!.Value, Input.Scopes, HttpContext.RequestAborted);
        CreatedKey = created.PlainText;
        // The key is in this page only: neither browsers nor proxies may keep it.
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        Input = ApiKeyInput.Initial();
        await LoadAsync(user.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await keys.RevokeAsync(id, user.Id, User.IsInRole(Roles.Admin), HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Notice"] = l["The API key is revoked. Programs that use it can no longer call the API."].Value;
        return RedirectToPage();
    }

    /// <summary>Active, expired or revoked, for the list.</summary>
    public string StateOf(ApiKey key) =>
        key.RevokedAt is not null ? l["Revoked"] : key.ExpiresAt <= Now ? l["Expired"] : l["Active"];

    private async Task LoadAsync(Guid userId)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Keys = await keys.ListAsync(userId, HttpContext.RequestAborted);
    }
}

public sealed class ApiKeyInput
{
    [Required(ErrorMessage = "Enter a name for the key.")]
    [StringLength(ApiKeyService.MaxNameLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Key name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the number of days the key is valid.")]
    [Range(ApiKeyService.MinExpiryDays, ApiKeyService.MaxExpiryDays, ErrorMessage = "Enter a number of days from {1} to {2}.")]
    [Display(Name = "Valid for (days)")]
    public int? ExpiresInDays { get; set; } = ApiKeyService.DefaultExpiryDays;

    /// <summary><c>read</c> and/or <c>write</c> (write includes read).
    /// <para>Empty by default so that a form sent with no box ticked binds as nothing chosen; the page ticks read.</para></summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>What the form shows before anything is entered.</summary>
    public static ApiKeyInput Initial() => new() { Scopes = [ApiKeyScopes.Read] };
}
