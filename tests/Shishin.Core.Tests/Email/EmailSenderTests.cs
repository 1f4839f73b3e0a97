using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shishin.Core.Email;
using Shishin.Core.Identity;
using Shishin.Tests;

namespace Shishin.Core.Tests.Email;

public sealed class EmailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "shishin-sender-" + Guid.NewGuid().ToString("N"));

    private static EmailMessage Sample(CultureInfo culture) =>
        AccountEmails.PasswordReset("person@example.jp", culture, new Uri("https://shishin.example.jp/account/reset-password?user=1&token=a%2Bb"), TimeSpan.FromHours(1));

    private EmailSender Sender(Action<EmailOptions> configure)
    {
        var options = new EmailOptions { PickupDirectory = folder };
        configure(options);
        return new EmailSender(Options.Create(options), new ConfigurationBuilder().Build(), NullLogger<EmailSender>.Instance);
    }

    [Fact]
    public async Task SendAsync_SmtpConfigured_DeliversTextAndHtml()
    {
        using var smtp = new TestSmtpServer();
        var sender = Sender(o =>
        {
            o.From = "Shishin <shishin@example.jp>";
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None };
        });

        var delivery = await sender.SendAsync(Sample(new CultureInfo("ja")));

        Assert.Equal(EmailDelivery.Sent, delivery);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("shishin@example.jp", message.From.Mailboxes.Single().Address);
        Assert.Equal("指針（Shishin）のパスワードの再設定", message.Subject);
        Assert.Contains("https://shishin.example.jp/account/reset-password?user=1&token=a%2Bb", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shishin.example.jp/account/reset-password?user=1&amp;token=a%2Bb\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task SendAsync_NoSmtpHost_WritesEmlToPickupFolder()
    {
        var sender = Sender(_ => { });

        var delivery = await sender.SendAsync(Sample(new CultureInfo("en")));

        Assert.Equal(EmailDelivery.SavedToFolder, delivery);
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("Reset your Shishin password", message.Subject);
        Assert.Equal("person@example.jp", message.To.Mailboxes.Single().Address);
        Assert.Contains("60 minutes", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SmtpServerDown_ReturnsFailedWithoutThrowing()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var sender = Sender(o =>
        {
            o.From = "shishin@example.jp";
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None };
        });

        Assert.Equal(EmailDelivery.Failed, await sender.SendAsync(Sample(new CultureInfo("ja"))));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void AccountEmails_EveryTemplate_HasSubjectTextAndHtmlInTheLanguage(string language)
    {
        var culture = new CultureInfo(language);
        var link = new Uri("https://shishin.example.jp/account/manage");
        var at = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var messages = new[]
        {
            AccountEmails.Invitation("a@example.jp", culture, "花子", "管理者", link, at),
            AccountEmails.PasswordReset("a@example.jp", culture, link, TimeSpan.FromHours(1)),
            AccountEmails.Lockout("a@example.jp", culture, at, link),
            AccountEmails.TwoFactorChanged("a@example.jp", culture, TwoFactorChange.Enabled, at, link),
            AccountEmails.TwoFactorChanged("a@example.jp", culture, TwoFactorChange.Disabled, at, link),
            AccountEmails.TwoFactorChanged("a@example.jp", culture, TwoFactorChange.RecoveryCodesRenewed, at, link),
            AccountEmails.NewDevice("a@example.jp", culture, "Chrome on Windows", at, link),
            AccountEmails.EmailChangeConfirmation("a@example.jp", culture, link, TimeSpan.FromHours(1)),
            AccountEmails.EmailChanged("a@example.jp", culture, "b@example.jp", at),
        };

        Assert.Equal(messages.Length, messages.Select(m => m.Subject).Distinct().Count());
        foreach (var message in messages)
        {
            Assert.Contains($"<html lang=\"{language}\">", message.Html, StringComparison.Ordinal);
            // Japanese mail in Japanese; English mail without Japanese words (names aside).
            Assert.Equal(language == "ja", message.Text.Contains("指針（Shishin）", StringComparison.Ordinal));
            Assert.Contains(language == "ja" ? "2026年4月1日 9:00（日本時間）" : "1 April 2026, 09:00 (Japan time)", message.Text + messages[0].Text, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
