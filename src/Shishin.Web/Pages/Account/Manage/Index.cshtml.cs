using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<ShishinUser> users, ShishinSignInManager signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>Bound only by the name form's handler (the page's other form must not validate it).</summary>
    public DisplayNameInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Input.DisplayName = user.DisplayName;
        return await ShowAsync(user);
    }

    /// <summary>The person's own name as others see it in Shishin.</summary>
    public async Task<IActionResult> OnPostNameAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await TryUpdateModelAsync(Input, nameof(Input)))
        {
            return await ShowAsync(user);
        }

        user.DisplayName = Input.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.DisplayName", l["The change could not be saved. Try again."]);
            return await ShowAsync(user);
        }

        // The name is a claim of the sign-in cookie; re-issue it.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = l["Your name has been changed."].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(ShishinUser user)
    {
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }

    /// <summary>Ends every session of the account on every device, this one included (a lost laptop, a shared PC).</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await signIn.SignOutEverywhereAsync(user);
        TempData["Notice"] = l["You have been signed out on every device."].Value;
        return RedirectToPage("/Account/SignIn");
    }
}

public sealed class DisplayNameInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";
}
