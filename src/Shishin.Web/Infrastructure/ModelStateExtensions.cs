using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Shishin.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Shows Identity's (already localised) errors against the field they concern.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            var key = error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)
                ? field.Replace("Password", "Email", StringComparison.Ordinal)
                : field;
            modelState.AddModelError(key, error.Description);
        }
    }
}
