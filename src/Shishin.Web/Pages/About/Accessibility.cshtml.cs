using Microsoft.Extensions.Options;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.About;

public sealed class AccessibilityModel(IOptions<SiteOptions> site) : AboutPageModel(site);
