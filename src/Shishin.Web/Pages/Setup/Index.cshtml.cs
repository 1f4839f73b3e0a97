using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Shishin.Core.Demo;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Setup;

/// <summary>First run: creates the first administrator while none exists.</summary>
[AllowAnonymous]
public sealed class IndexModel(
    SetupState setup, SetupService accounts, SignInManager<ShishinUser> signIn, UserManager<ShishinUser> users, DemoData demo, IStringLocalizer<SharedResource> l)
    : PageModel, ILanguageSwitchPage
{
    [BindProperty]
    public PasswordAccountInput Input { get; set; } = new();

    /// <summary>The unticked "add demo data" checkbox.</summary>
    [BindProperty]
    public bool WithDemoData { get; set; }

    /// <summary>The demo users and their passwords, shown in this response only.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    /// <summary>True when setup is done and the page shows its outcome (with demo data asked for).</summary>
    public bool Done { get; private set; }

    public bool DemoDataRefused { get; private set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Allowed { get; private set; }

    /// <summary>True when this request lost the race to another setup.</summary>
    public bool Completed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await setup.IsCompleteAsync(HttpContext.RequestServices))
        {
            return RedirectToPage("/Account/SignIn");
        }

        Allowed = setup.MayUseSetup(HttpContext, Token);
        if (!Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        if (await setup.IsCompleteAsync(HttpContext.RequestServices))
        {
            return RedirectToPage("/Account/SignIn");
        }

        Allowed = setup.MayUseSetup(HttpContext, Token);
        if (!Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await setup.IsCompleteAsync(HttpContext.RequestServices))
        {
            return RedirectToPage("/Account/SignIn");
        }

        Allowed = setup.MayUseSetup(HttpContext, Token);
        if (!Allowed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CompleteAsync(Input.Email, Input.DisplayName, Input.Password);
        if (result.Errors.Any(e => e.Code == SetupService.AlreadyCompleteCode))
        {
            // Someone else's setup committed first (ADR 0011); this one left nothing behind.
            setup.MarkComplete();
            Allowed = false;
            Completed = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError(string.Empty, l["Setup has already been completed. Sign in with the administrator account."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, "Input.Password");
            return Page();
        }

        setup.MarkComplete();
        var user = await users.FindByEmailAsync(Input.Email);
        await signIn.SignInAsync(user!, isPersistent: false);
        if (!WithDemoData)
        {
            return Redirect(AdminTwoFactorMiddleware.EnrolmentPath);
        }

        // The demo users' passwords are secrets: they are rendered into this response, which no cache keeps, instead of
        // being carried through a redirect in TempData (a cookie). Nothing stores them; lost ones are got back by removing
        // the demo data and adding it again (shishin demo remove, shishin demo seed).
        var seeded = await demo.SeedAsync(force: false, HttpContext.RequestAborted);
        DemoAccounts = seeded.Accounts;
        DemoDataRefused = !seeded.Succeeded;
        Done = true;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

public sealed class PasswordAccountInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.jp.")]
    [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Use at least {2} characters for the password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
