using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shishin.Core.Organizations;

namespace Shishin.Core.Services;

internal sealed class ServiceMapping : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.NameJa).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.DescriptionJa).HasMaxLength(2000);
        builder.Property(s => s.DescriptionEn).HasMaxLength(2000);
        builder.Property(s => s.EntryUrls).HasMaxLength(4000);
        builder.Property(s => s.Audience).HasMaxLength(200);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Phase).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasIndex(s => s.OwnerOrganizationId);
        builder.HasIndex(s => new { s.IsPublic, s.Phase });
        builder.HasOne(s => s.OwnerOrganization).WithMany().HasForeignKey(s => s.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Partners).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.PhaseChanges).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Kpis).WithOne().HasForeignKey(k => k.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServicePartnerMapping : IEntityTypeConfiguration<ServicePartner>
{
    public void Configure(EntityTypeBuilder<ServicePartner> builder)
    {
        builder.HasKey(p => new { p.ServiceId, p.OrganizationId });
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServicePhaseChangeMapping : IEntityTypeConfiguration<ServicePhaseChange>
{
    public void Configure(EntityTypeBuilder<ServicePhaseChange> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        builder.HasIndex(p => new { p.ServiceId, p.EnteredOn });
    }
}

internal sealed class ServiceKpiMapping : IEntityTypeConfiguration<ServiceKpi>
{
    public void Configure(EntityTypeBuilder<ServiceKpi> builder)
    {
        builder.HasKey(k => new { k.ServiceId, k.FiscalYear });
        builder.Property(k => k.MedianCompletionMinutes).HasPrecision(9, 1);
        builder.Property(k => k.DaysToResultNotice).HasPrecision(9, 1);
        builder.Property(k => k.Revision).IsConcurrencyToken();
        builder.Ignore(k => k.DigitalTakeUpPercent);
    }
}

internal sealed class ServiceCanvasRevisionMapping : IEntityTypeConfiguration<ServiceCanvasRevision>
{
    public void Configure(EntityTypeBuilder<ServiceCanvasRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ServiceId, r.Number }).IsUnique();
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
