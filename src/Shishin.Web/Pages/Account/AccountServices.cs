using Microsoft.AspNetCore.Identity;

namespace Shishin.Web.Pages.Account;

public static class AccountServices
{
    /// <summary>The account e-mails, known devices and the lifetime of reset and e-mail change links.</summary>
    public static IServiceCollection AddShishinAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountMail>();
        services.AddScoped<KnownDevices>();
        // Reset and e-mail change links are single use (the security stamp changes) and short-lived.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountMail.TokenLifetime);
        return services;
    }
}
