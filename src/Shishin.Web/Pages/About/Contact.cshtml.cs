using Microsoft.Extensions.Options;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.About;

public sealed class ContactModel(IOptions<SiteOptions> site) : AboutPageModel(site);
