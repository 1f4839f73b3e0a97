using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shishin.Web.Pages.Admin;

/// <summary>The administrators' areas in one place (the folder's convention admits administrators only).</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
