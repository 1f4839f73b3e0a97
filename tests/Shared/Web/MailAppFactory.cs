using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Email;

namespace Shishin.Tests;

/// <summary>The Shishin host with SMTP configured to an in-process test server that keeps every message.</summary>
public class MailAppFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:From", "Shishin <shishin@example.jp>");
    }

    /// <summary>Waits for the e-mails sent in the background so far (to assert that one was not sent).</summary>
    public Task DrainEmailAsync() => Services.GetRequiredService<EmailSender>().DrainAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMailAppFactory() : MailAppFactory(TestProvider.Sqlite);

public sealed class PostgresMailAppFactory() : MailAppFactory(TestProvider.Postgres);
