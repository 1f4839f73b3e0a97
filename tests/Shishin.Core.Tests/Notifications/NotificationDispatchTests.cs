using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Shishin.Core.Data;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Core.Notifications;
using Shishin.Core.Services;
using Shishin.Core.Tests.Assessments;
using Shishin.Tests;
using static Shishin.Tests.AssessmentSamples;

namespace Shishin.Core.Tests.Notifications;

public abstract class NotificationDispatchTests(NotificationFixture fixture)
{
    private static readonly NotificationKind[] Everything = [.. NotificationKinds.All];

    private async Task<Service> InternalServiceAsync(string owner)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await ServiceAsync(db, "notify-" + Guid.NewGuid().ToString("N")[..8], await Scopes.OrganizationAsync(fixture.Services, owner), isPublic: false);
    }

    private async Task SubscribeAsync(ShishinUser user, Service service, NotificationMode mode, string language, params NotificationKind[] kinds)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationSettings>().SubscribeAsync(user.Id, service.Id, kinds, mode, language);
    }

    private async Task PublishAsync(Service service, NotificationKind kind, Dictionary<string, string> facts)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().PublishAsync(
            new NotificationEvent(kind, service.Id, DateTime.UtcNow, facts, $"/services/{service.Key}"));
    }

    [Fact]
    public async Task Publish_IncidentOpened_EmailsSubscribersWhoSeeTheServiceInTheirLanguageOnly()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var minato = await Scopes.OrganizationAsync(fixture.Services, "minato");
        var service = await InternalServiceAsync("chiyoda");
        var english = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        var japanese = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        var outsider = await fixture.UserAsync(Roles.ServiceOwner, minato);
        var otherKind = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        var notSubscribed = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(english, service, NotificationMode.Immediate, "en", NotificationKind.IncidentOpened);
        await SubscribeAsync(japanese, service, NotificationMode.Immediate, "ja", Everything);
        await SubscribeAsync(outsider, service, NotificationMode.Immediate, "ja", Everything);
        await SubscribeAsync(otherKind, service, NotificationMode.Immediate, "ja", NotificationKind.IncidentClosed);

        await PublishAsync(service, NotificationKind.IncidentOpened, new() { [NotificationFacts.Url] = "https://example.jp/apply" });
        await fixture.WaitForAsync(async db => await db.NotificationDeliveries.CountAsync(d => d.ServiceId == service.Id && d.Status == NotificationDeliveryStatus.Sent) == 2);

        var en = Assert.Single(fixture.Smtp.To(english.Email!));
        Assert.Equal("Service unavailable: incident opened: Test service " + service.Key, en.Subject);
        Assert.Contains($"Test service {service.Key} is not answering at https://example.jp/apply", en.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://shishin.example.jp/services/{service.Key}", en.TextBody, StringComparison.Ordinal);
        var ja = Assert.Single(fixture.Smtp.To(japanese.Email!));
        Assert.Equal("サービスに接続できません（障害発生）: 試験サービス " + service.Key, ja.Subject);
        Assert.Contains("障害を記録しました", ja.TextBody, StringComparison.Ordinal);
        Assert.Empty(fixture.Smtp.To(outsider.Email!));
        Assert.Empty(fixture.Smtp.To(otherKind.Email!));
        Assert.Empty(fixture.Smtp.To(notSubscribed.Email!));
        await using var scope = fixture.Services.CreateAsyncScope();
        var recipients = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries
            .Where(d => d.ServiceId == service.Id).Select(d => d.UserId).ToListAsync();
        Assert.Equal(new HashSet<Guid?> { english.Id, japanese.Id }, recipients.ToHashSet());
    }

    [Fact]
    public async Task Publish_WebhookAnswers500ThenOk_RetriesAfterTheDelayWithTheSameSignedBody()
    {
        var service = await InternalServiceAsync("chiyoda");
        using var receiver = new WebhookReceiver("not yet", 500, 200);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<NotificationSettings>()
                .CreateWebhookAsync(service.Id, receiver.Url, [NotificationKind.NewSeriousFindings], null);
            receiver.Secret = created.Secret;
        }

        await PublishAsync(service, NotificationKind.NewSeriousFindings, new() { [NotificationFacts.Count] = "3" });
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.ServiceId == service.Id && d.Status == NotificationDeliveryStatus.Sent));

        var requests = receiver.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Delivery, requests[1].Delivery);
        Assert.Equal("NewSeriousFindings", requests[1].Event);
        // The retry waits for the configured delay (one second) at least; Quartz never fires a trigger early.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"The retry came after {(requests[1].At - requests[0].At).TotalMilliseconds} ms.");
        using var json = JsonDocument.Parse(requests[0].Body);
        Assert.Equal("NewSeriousFindings", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(service.Key, json.RootElement.GetProperty("service").GetProperty("key").GetString());
        Assert.Equal("3", json.RootElement.GetProperty("facts").GetProperty("count").GetString());
        await using var check = fixture.Services.CreateAsyncScope();
        var delivery = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries.SingleAsync(d => d.ServiceId == service.Id);
        Assert.Equal((NotificationDeliveryStatus.Sent, 2, 200), (delivery.Status, delivery.Attempts, delivery.ResponseStatus));
    }

    [Fact]
    public async Task Publish_WebhookAlwaysFails_GivesUpAfterMaxAttempts()
    {
        var service = await InternalServiceAsync("chiyoda");
        using var receiver = new WebhookReceiver("not yet", 503);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            receiver.Secret = (await scope.ServiceProvider.GetRequiredService<NotificationSettings>()
                .CreateWebhookAsync(service.Id, receiver.Url, [NotificationKind.IncidentClosed], null)).Secret;
        }

        await PublishAsync(service, NotificationKind.IncidentClosed, []);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.ServiceId == service.Id && d.Status == NotificationDeliveryStatus.Failed));

        await using var check = fixture.Services.CreateAsyncScope();
        var delivery = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries.SingleAsync(d => d.ServiceId == service.Id);
        Assert.Equal((3, 503, "The receiver answered 503."), (delivery.Attempts, delivery.ResponseStatus, delivery.LastError));
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Publish_SmtpRefusesTwice_TheEmailIsTriedAgainAndSentOnce()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.Immediate, "en", Everything);
        fixture.Smtp.Refuse(reader.Email!, 2);

        await PublishAsync(service, NotificationKind.IncidentClosed, []);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == reader.Id && d.Status != NotificationDeliveryStatus.Pending));

        Assert.Single(fixture.Smtp.To(reader.Email!));
        await using var check = fixture.Services.CreateAsyncScope();
        var delivery = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries.SingleAsync(d => d.UserId == reader.Id);
        Assert.Equal((NotificationDeliveryStatus.Sent, 3, null), (delivery.Status, delivery.Attempts, delivery.LastError));
        // Two waits of the configured delay (1 s, then 2 s); Quartz never fires a trigger early.
        Assert.True(delivery.LastAttemptAt - delivery.CreatedAt >= TimeSpan.FromMilliseconds(2900), $"Sent {delivery.LastAttemptAt - delivery.CreatedAt} after the first attempt.");
    }

    [Fact]
    public async Task Publish_SmtpAlwaysRefuses_GivesUpAfterMaxAttempts()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.Immediate, "ja", Everything);
        fixture.Smtp.Refuse(reader.Email!, 10);

        await PublishAsync(service, NotificationKind.IncidentOpened, []);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == reader.Id && d.Status == NotificationDeliveryStatus.Failed));

        Assert.Empty(fixture.Smtp.To(reader.Email!));
        await using var check = fixture.Services.CreateAsyncScope();
        var delivery = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries.SingleAsync(d => d.UserId == reader.Id);
        Assert.Equal(3, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Contains("3 attempt(s)", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_RecipientLostAccessMeanwhile_IsNotWrittenTo()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.Immediate, "en", Everything);
        // Refused throughout: had the retry not read the rights again, it would end by giving up after three attempts.
        fixture.Smtp.Refuse(reader.Email!, 10);

        await PublishAsync(service, NotificationKind.IncidentOpened, []);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == reader.Id && d.Attempts == 1));
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            await db.UserOrganizations.Where(m => m.UserId == reader.Id).ExecuteDeleteAsync();
        }

        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == reader.Id && d.Status == NotificationDeliveryStatus.Failed));
        Assert.Empty(fixture.Smtp.To(reader.Email!));
        await using var check = fixture.Services.CreateAsyncScope();
        var delivery = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries.SingleAsync(d => d.UserId == reader.Id);
        Assert.Equal("The recipient may no longer see the service.", delivery.LastError);
    }

    [Fact]
    public async Task Digest_SmtpRefusesTwice_OnlyTheFailedDigestIsSentAgain()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var refused = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        var taken = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(refused, service, NotificationMode.DailyDigest, "en", Everything);
        await SubscribeAsync(taken, service, NotificationMode.DailyDigest, "en", Everything);
        await PublishAsync(service, NotificationKind.IncidentOpened, []);
        await fixture.WaitForAsync(async db => await db.NotificationDeliveries.CountAsync(d => d.ServiceId == service.Id && d.Status == NotificationDeliveryStatus.AwaitingDigest) == 2);
        fixture.Smtp.Refuse(refused.Email!, 2);

        // The morning's run, as its cron trigger starts it.
        var scheduler = await fixture.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(NotificationDigestJob.Key);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == taken.Id && d.Status == NotificationDeliveryStatus.Sent));

        // An event after the morning's digest waits for the next morning, even for the one whose digest is retried.
        await PublishAsync(service, NotificationKind.IncidentClosed, []);
        await fixture.WaitForAsync(db => db.NotificationDeliveries.AnyAsync(d => d.UserId == refused.Id && d.Status == NotificationDeliveryStatus.Sent));

        Assert.Single(fixture.Smtp.To(refused.Email!));
        Assert.Single(fixture.Smtp.To(taken.Email!));
        await using var check = fixture.Services.CreateAsyncScope();
        var deliveries = await check.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationDeliveries
            .Where(d => d.UserId == refused.Id).OrderBy(d => d.CreatedAt).ToListAsync();
        Assert.Equal([(NotificationDeliveryStatus.Sent, 3), (NotificationDeliveryStatus.AwaitingDigest, 0)], deliveries.Select(d => (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Digest_TwoEventsOfADay_OneEmailWithBoth()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.DailyDigest, "en", Everything);

        await PublishAsync(service, NotificationKind.IncidentOpened, []);
        await PublishAsync(service, NotificationKind.ActionItemsOverdue, new() { [NotificationFacts.Count] = "2", [NotificationFacts.Titles] = "Fix contrast\nAdd labels" });
        await fixture.WaitForAsync(async db => await db.NotificationDeliveries.CountAsync(d => d.UserId == reader.Id && d.Status == NotificationDeliveryStatus.AwaitingDigest) == 2);
        Assert.Empty(fixture.Smtp.To(reader.Email!));
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDigestJob>().SendAsync();

        var digest = Assert.Single(fixture.Smtp.To(reader.Email!));
        Assert.Equal("Shishin: today's notifications", digest.Subject);
        Assert.Contains($"Test service {service.Key} is not answering", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"2 action item(s) of Test service {service.Key} passed their due date", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://shishin.example.jp/account/notifications", digest.TextBody, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        Assert.All(await db.NotificationDeliveries.Where(d => d.UserId == reader.Id).ToListAsync(), d => Assert.Equal(NotificationDeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Dispatch_SmtpNotConfigured_SendsNothingAndRecordsEmailOff()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.Immediate, "ja", Everything);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var record = new NotificationEventRecord { Kind = NotificationKind.IncidentOpened, ServiceId = service.Id, OccurredAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow };
        db.NotificationEvents.Add(record);
        await db.SaveChangesAsync();
        var off = new NotificationMail(Options.Create(new NotificationOptions()), new ConfigurationBuilder().Build(), NullLogger<EmailSender>.Instance);
        var job = new DispatchNotificationJob(db, scope.ServiceProvider.GetRequiredService<ServiceAccess>(), off,
            scope.ServiceProvider.GetRequiredService<EmailDeliveryJob>(), scope.ServiceProvider.GetRequiredService<ISchedulerFactory>(),
            TimeProvider.System, NullLogger<DispatchNotificationJob>.Instance);

        await job.DispatchAsync(record.Id);

        Assert.False(off.Configured);
        var delivery = await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.EventId == record.Id);
        Assert.Equal((NotificationDeliveryStatus.EmailOff, 0), (delivery.Status, delivery.Attempts));
        Assert.Empty(fixture.Smtp.To(reader.Email!));
    }

    [Fact]
    public async Task Publish_NobodySubscribed_StoresNothing()
    {
        var service = await InternalServiceAsync("chiyoda");

        await PublishAsync(service, NotificationKind.CertificateExpiring, []);

        await using var scope = fixture.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().NotificationEvents.AnyAsync(e => e.ServiceId == service.Id));
    }

    [Fact]
    public async Task MarkOverdue_ItemsPastDue_PublishesOneEventPerServiceWithTheTitles()
    {
        var chiyoda = await Scopes.OrganizationAsync(fixture.Services, "chiyoda");
        var service = await InternalServiceAsync("chiyoda");
        var reader = await fixture.UserAsync(Roles.ServiceOwner, chiyoda);
        await SubscribeAsync(reader, service, NotificationMode.Immediate, "ja", NotificationKind.ActionItemsOverdue);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        var yesterday = DateOnly.FromDateTime(JapanTime.From(DateTimeOffset.UtcNow).Date).AddDays(-1);
        var first = await ActionItemAsync(db, service.Id, null, yesterday);
        var second = await ActionItemAsync(db, service.Id, null, yesterday.AddDays(-3));

        var job = new Shishin.Core.Jobs.MarkOverdueActionItemsJob(db, TimeProvider.System, scope.ServiceProvider.GetRequiredService<Notifier>(), NullLogger<Shishin.Core.Jobs.MarkOverdueActionItemsJob>.Instance);
        await job.MarkAsync();
        await fixture.WaitForAsync(_ => Task.FromResult(fixture.Smtp.To(reader.Email!).Count > 0));

        var record = await db.NotificationEvents.AsNoTracking().SingleAsync(e => e.ServiceId == service.Id);
        Assert.Equal(NotificationKind.ActionItemsOverdue, record.Kind);
        var facts = NotificationEmails.Facts(record);
        Assert.Equal("2", facts[NotificationFacts.Count]);
        Assert.Equal($"{second.Title}\n{first.Title}", facts[NotificationFacts.Titles]);
        var mail = Assert.Single(fixture.Smtp.To(reader.Email!));
        Assert.Contains("期限を過ぎても完了していません", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("・" + first.Title, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void DelayBefore_EachFurtherAttempt_DoublesTheWait()
    {
        var delay = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(30), NotificationOptions.DelayBefore(2, delay));
        Assert.Equal(TimeSpan.FromSeconds(60), NotificationOptions.DelayBefore(3, delay));
        Assert.Equal(TimeSpan.FromSeconds(120), NotificationOptions.DelayBefore(4, delay));
        Assert.Equal(TimeSpan.FromSeconds(240), NotificationOptions.DelayBefore(5, delay));
    }

    [Fact]
    public void Verify_SignedBody_AcceptsItAndRefusesAChangedBodyOrAnOldTimestamp()
    {
        var body = "{\"kind\":\"Test\"}"u8.ToArray();
        var now = new DateTimeOffset(2031, 5, 10, 0, 0, 0, TimeSpan.Zero);
        var signature = WebhookSignature.Sign("whsec_abc", now.ToUnixTimeSeconds(), body);
        var stamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.True(WebhookSignature.Verify("whsec_abc", stamp, signature, body, now.AddSeconds(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abc", stamp, signature, "{\"kind\":\"Tesu\"}"u8.ToArray(), now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", stamp, signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_abc", stamp, signature, body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }
}

public sealed class NotificationDispatchTests_Sqlite(SqliteNotificationFixture fixture) : NotificationDispatchTests(fixture), IClassFixture<SqliteNotificationFixture>;

public sealed class NotificationDispatchTests_Postgres(PostgresNotificationFixture fixture) : NotificationDispatchTests(fixture), IClassFixture<PostgresNotificationFixture>;
