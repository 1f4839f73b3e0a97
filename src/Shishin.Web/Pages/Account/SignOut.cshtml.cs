using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shishin.Core.Identity;

namespace Shishin.Web.Pages.Account;

/// <summary>Sign-out is a POST (no state change on GET); the GET shows a button for those who land here.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<ShishinUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
