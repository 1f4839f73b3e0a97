using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.About;

/// <summary>The pages the footer links to (accessibility, privacy, contact): public, and filled from <see cref="SiteOptions"/>.</summary>
[AllowAnonymous]
public abstract class AboutPageModel(IOptions<SiteOptions> site) : PageModel
{
    public SiteOptions Site { get; } = site.Value;

    public void OnGet()
    {
    }
}
