using Microsoft.Extensions.Options;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.About;

public sealed class PrivacyModel(IOptions<SiteOptions> site) : AboutPageModel(site);
