using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shishin.Core.Services;

namespace Shishin.Core.Uptime;

internal sealed class UptimeCheckMapping : IEntityTypeConfiguration<UptimeCheck>
{
    public void Configure(EntityTypeBuilder<UptimeCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Url).HasMaxLength(2048);
        builder.Property(c => c.LastError).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => c.ServiceId);
        // The probe job's claim: enabled checks whose time has come, oldest first.
        builder.HasIndex(c => new { c.Enabled, c.NextProbeAt });
        builder.HasOne<Service>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UptimeProbeMapping : IEntityTypeConfiguration<UptimeProbe>
{
    public void Configure(EntityTypeBuilder<UptimeProbe> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Error).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => new { p.CheckId, p.At });
        builder.HasIndex(p => p.At);
        builder.HasOne<UptimeCheck>().WithMany().HasForeignKey(p => p.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UptimeDailyAggregateMapping : IEntityTypeConfiguration<UptimeDailyAggregate>
{
    public void Configure(EntityTypeBuilder<UptimeDailyAggregate> builder)
    {
        builder.HasKey(a => new { a.ServiceId, a.Day });
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UptimeIncidentMapping : IEntityTypeConfiguration<UptimeIncident>
{
    public void Configure(EntityTypeBuilder<UptimeIncident> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Url).HasMaxLength(2048);
        builder.Ignore(i => i.IsOpen);
        builder.HasIndex(i => new { i.ServiceId, i.OpenedAt });
        builder.HasOne<Service>().WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UptimeCheck>().WithMany().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UptimeIncidentEventMapping : IEntityTypeConfiguration<UptimeIncidentEvent>
{
    public void Configure(EntityTypeBuilder<UptimeIncidentEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Error).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(e => new { e.IncidentId, e.At });
    }
}
