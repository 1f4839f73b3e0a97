using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shishin.Core.Services;

namespace Shishin.Core.Scans;

internal sealed class ScanProfileMapping : IEntityTypeConfiguration<ScanProfile>
{
    public void Configure(EntityTypeBuilder<ScanProfile> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.StartUrls).HasMaxLength(4000);
        builder.Property(p => p.Include).HasMaxLength(4000);
        builder.Property(p => p.Exclude).HasMaxLength(4000);
        builder.Property(p => p.Cadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasIndex(p => p.ServiceId);
        builder.HasOne(p => p.Service).WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanRunMapping : IEntityTypeConfiguration<ScanRun>
{
    public void Configure(EntityTypeBuilder<ScanRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RequestedByName).HasMaxLength(300);
        builder.Property(r => r.OptionsJson).HasMaxLength(16_000);
        builder.Property(r => r.OverridesJson).HasMaxLength(16_000);
        builder.Property(r => r.ScannerVersion).HasMaxLength(64);
        builder.Property(r => r.AxeVersion).HasMaxLength(64);
        builder.Property(r => r.BrowserVersion).HasMaxLength(64);
        builder.Property(r => r.CurrentUrl).HasMaxLength(2048);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Worker).HasMaxLength(200);
        builder.Ignore(r => r.Violations);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => new { r.ServiceId, r.QueuedAt });
        builder.HasIndex(r => new { r.ProfileId, r.QueuedAt });
        builder.HasIndex(r => r.Status);
        builder.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ScanProfile>().WithMany().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ScanPageMapping : IEntityTypeConfiguration<ScanPage>
{
    public void Configure(EntityTypeBuilder<ScanPage> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RequestedUrl).HasMaxLength(2048);
        builder.Property(p => p.FinalUrl).HasMaxLength(2048);
        builder.Property(p => p.Step).HasMaxLength(200);
        builder.Property(p => p.Title).HasMaxLength(1000);
        builder.Property(p => p.Lang).HasMaxLength(64);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.Problems).HasMaxLength(8000);
        builder.HasIndex(p => new { p.RunId, p.Ordinal });
        builder.HasOne<ScanRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Findings).WithOne().HasForeignKey(f => f.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanFindingMapping : IEntityTypeConfiguration<ScanFinding>
{
    public void Configure(EntityTypeBuilder<ScanFinding> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.RuleId).HasMaxLength(128);
        builder.Property(f => f.Category).HasMaxLength(32);
        builder.Property(f => f.Outcome).HasMaxLength(16);
        builder.Property(f => f.Impact).HasMaxLength(16);
        builder.Property(f => f.Message).HasMaxLength(4000);
        builder.Property(f => f.HelpUrl).HasMaxLength(2048);
        builder.Property(f => f.Wcag).HasMaxLength(200);
        builder.Property(f => f.Fingerprint).HasMaxLength(128);
        builder.Ignore(f => f.IsViolation);
        builder.HasIndex(f => new { f.RunId, f.RuleId });
        builder.HasIndex(f => new { f.RunId, f.Fingerprint });
        builder.HasOne<ScanRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanDailyAggregateMapping : IEntityTypeConfiguration<ScanDailyAggregate>
{
    public void Configure(EntityTypeBuilder<ScanDailyAggregate> builder)
    {
        builder.HasKey(a => new { a.ServiceId, a.Day });
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
