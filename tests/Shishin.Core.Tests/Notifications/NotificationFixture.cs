using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Core.Tests.Notifications;

/// <summary>
/// Shishin.Core with notification e-mail going to an in-process SMTP server, private networks allowed (the webhook
/// receiver listens on loopback), a one-second retry delay and three attempts for webhooks and e-mail, and Quartz started so that published events are delivered
/// by the real jobs.
/// </summary>
public class NotificationFixture(TestProvider provider) : CoreFixture(provider)
{
    public TestSmtpServer Smtp { get; } = new();

    protected override bool RunsJobs => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:From"] = "Shishin <notice@example.jp>",
        ["Notifications:Webhooks:RetryDelay"] = "00:00:01",
        ["Notifications:Webhooks:MaxAttempts"] = "3",
        ["Notifications:Email:RetryDelay"] = "00:00:01",
        ["Notifications:Email:MaxAttempts"] = "3",
        ["Scanning:AllowPrivateNetworks"] = "true",
        ["Shishin:PublicUrl"] = "https://shishin.example.jp",
        ["Jobs:PollInterval"] = "00:00:01",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }

    /// <summary>An active account with a role and, optionally, membership of an organisation.</summary>
    public async Task<ShishinUser> UserAsync(string role, Guid? organization)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShishinUser>>();
        var name = "n" + Guid.NewGuid().ToString("N")[..12];
        var user = new ShishinUser { UserName = name + "@example.jp", Email = name + "@example.jp", DisplayName = name, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (organization is { } id)
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            db.UserOrganizations.Add(new UserOrganization { UserId = user.Id, OrganizationId = id });
            await db.SaveChangesAsync();
        }

        return user;
    }

    /// <summary>Waits (polling the database) until <paramref name="done"/> holds; fails after a minute.</summary>
    public async Task WaitForAsync(Func<ShishinDbContext, Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                if (await done(scope.ServiceProvider.GetRequiredService<ShishinDbContext>()))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < until, "The notification jobs did not finish within a minute.");
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteNotificationFixture() : NotificationFixture(TestProvider.Sqlite);

public sealed class PostgresNotificationFixture() : NotificationFixture(TestProvider.Postgres);
