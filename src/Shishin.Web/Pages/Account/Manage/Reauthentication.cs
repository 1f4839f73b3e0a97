using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Shishin.Core.Identity;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account.Manage;

/// <summary>The current password, asked again before a change that would let a stolen session keep the account.</summary>
public sealed class ReauthenticationInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(512, ErrorMessage = "Use at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

public static class Reauthentication
{
    /// <summary>
    /// True when the password is right. A wrong one counts towards lockout like a failed sign-in and leaves a field
    /// message on <paramref name="field"/>.
    /// </summary>
    public static async Task<bool> VerifyAsync(
        this ShishinSignInManager signIn, ShishinUser user, string password, ModelStateDictionary modelState, string field, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(l);
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            modelState.AddModelError(field, l["The current password is not correct."]);
        }

        return result.Succeeded;
    }
}
