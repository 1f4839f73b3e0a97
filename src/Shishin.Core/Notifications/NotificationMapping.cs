using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shishin.Core.Notifications;

internal sealed class NotificationSubscriptionMapping : IEntityTypeConfiguration<NotificationSubscription>
{
    public void Configure(EntityTypeBuilder<NotificationSubscription> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.HasIndex(s => new { s.UserId, s.ServiceId }).IsUnique();
        builder.HasIndex(s => s.ServiceId);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Service).WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationWebhookMapping : IEntityTypeConfiguration<NotificationWebhook>
{
    public void Configure(EntityTypeBuilder<NotificationWebhook> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        builder.Property(w => w.SecretPrefix).HasMaxLength(16);
        builder.HasIndex(w => w.ServiceId);
        builder.HasOne(w => w.Service).WithMany().HasForeignKey(w => w.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationEventRecordMapping : IEntityTypeConfiguration<NotificationEventRecord>
{
    public void Configure(EntityTypeBuilder<NotificationEventRecord> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.FactsJson).HasMaxLength(16_000);
        builder.Property(e => e.Path).HasMaxLength(2048);
        builder.HasIndex(e => new { e.ServiceId, e.OccurredAt });
    }
}

internal sealed class NotificationDeliveryMapping : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.Payload).HasMaxLength(32_000);
        builder.HasIndex(d => new { d.EventId, d.Channel });
        builder.HasIndex(d => d.Status);
        builder.HasIndex(d => new { d.ServiceId, d.CreatedAt });
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
