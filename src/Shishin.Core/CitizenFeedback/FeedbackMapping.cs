using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shishin.Core.Services;

namespace Shishin.Core.CitizenFeedback;

internal sealed class FeedbackMapping : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.TaskCompleted).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Reasons).HasMaxLength(512);
        builder.Property(f => f.Comment).HasMaxLength(Feedback.MaxCommentLength * 2);
        builder.Property(f => f.Language).HasMaxLength(8);
        builder.Property(f => f.PagePath).HasMaxLength(Feedback.MaxPagePathLength);
        builder.Property(f => f.Tags).HasMaxLength(Feedback.MaxTagsLength);
        builder.Property(f => f.TriagedById).HasMaxLength(64);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        // The inbox (newest first per service) and its status filter.
        builder.HasIndex(f => new { f.ServiceId, f.ReceivedAt });
        builder.HasIndex(f => new { f.ServiceId, f.Status });
        builder.HasOne<Service>().WithMany().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackDailyAggregateMapping : IEntityTypeConfiguration<FeedbackDailyAggregate>
{
    public void Configure(EntityTypeBuilder<FeedbackDailyAggregate> builder)
    {
        builder.HasKey(a => new { a.ServiceId, a.Day });
        builder.Ignore(a => a.Satisfied);
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackImprovementMapping : IEntityTypeConfiguration<FeedbackImprovement>
{
    public void Configure(EntityTypeBuilder<FeedbackImprovement> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.YouSaidJa).HasMaxLength(1000);
        builder.Property(i => i.YouSaidEn).HasMaxLength(1000);
        builder.Property(i => i.WeDidJa).HasMaxLength(2000);
        builder.Property(i => i.WeDidEn).HasMaxLength(2000);
        builder.Property(i => i.Themes).HasMaxLength(512);
        builder.Property(i => i.CreatedById).HasMaxLength(64);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => new { i.ServiceId, i.PublishedAt });
        builder.HasOne<Service>().WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceFeedbackSettingsMapping : IEntityTypeConfiguration<ServiceFeedbackSettings>
{
    public void Configure(EntityTypeBuilder<ServiceFeedbackSettings> builder)
    {
        builder.HasKey(s => s.ServiceId);
        builder.Property(s => s.ExtraOrigins).HasMaxLength(4000);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasOne<Service>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
