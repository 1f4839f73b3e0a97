using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Web.Tests.Account;

/// <summary>With <c>DataProtection:CertificatePath</c> set, the key ring in the database is encrypted (ADR 0010).</summary>
public abstract class KeyRingTests(ShishinAppFactory app)
{
    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncrypted()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<ShishinDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("encryptedSecret", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
        });
    }
}

public class CertificateKeyRingFactory(TestProvider provider) : ShishinAppFactory(provider)
{
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"shishin-keyring-{Guid.NewGuid():N}.pfx");

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Shishin test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, "test"));
        builder.UseSetting("DataProtection:CertificatePath", certificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", "test");
    }
}

public sealed class SqliteCertificateKeyRingFactory() : CertificateKeyRingFactory(TestProvider.Sqlite);

public sealed class PostgresCertificateKeyRingFactory() : CertificateKeyRingFactory(TestProvider.Postgres);

public sealed class KeyRingTests_Sqlite(SqliteCertificateKeyRingFactory app) : KeyRingTests(app), IClassFixture<SqliteCertificateKeyRingFactory>;

public sealed class KeyRingTests_Postgres(PostgresCertificateKeyRingFactory app) : KeyRingTests(app), IClassFixture<PostgresCertificateKeyRingFactory>;
