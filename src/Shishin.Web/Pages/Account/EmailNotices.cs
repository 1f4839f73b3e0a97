using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Shishin.Core.Email;
using Shishin.Web.Infrastructure;

namespace Shishin.Web.Pages.Account;

/// <summary>
/// What the person who caused an e-mail is told when it did not simply go out: shown by the partial
/// <c>_EmailNotice</c> from <see cref="Key"/> in TempData. Administrators are told where the file is; others never see
/// a server path.
/// </summary>
public static class EmailNotices
{
    public const string Key = "EmailNotice";

    public static void ForAdmin(ITempDataDictionary tempData, EmailDelivery delivery, string pickupDirectory, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentNullException.ThrowIfNull(l);
        tempData[Key] = delivery switch
        {
            EmailDelivery.SavedToFolder => l["The e-mail was not sent: SMTP is not configured, so it was saved on the server in the folder {0}.", pickupDirectory].Value,
            EmailDelivery.Failed => l["The e-mail could not be sent. The change itself is saved; the server log says why the e-mail failed."].Value,
            _ => null,
        };
    }

    public static void ForUser(ITempDataDictionary tempData, EmailDelivery delivery, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentNullException.ThrowIfNull(l);
        tempData[Key] = delivery switch
        {
            EmailDelivery.SavedToFolder => l["This Shishin does not send e-mail yet: the message was kept on the server. Ask an administrator for it."].Value,
            EmailDelivery.Failed => l["The e-mail could not be sent. The change itself is saved. Try again later or ask an administrator."].Value,
            _ => null,
        };
    }
}
