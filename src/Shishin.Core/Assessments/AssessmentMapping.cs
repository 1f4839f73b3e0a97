using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shishin.Core.Catalog;
using Shishin.Core.Identity;
using Shishin.Core.Services;

namespace Shishin.Core.Assessments;

internal sealed class AssessmentMapping : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Phase).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Rag).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.TeamResponse).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.DoneWell).HasMaxLength(4000);
        builder.Property(a => a.ToImprove).HasMaxLength(4000);
        builder.Property(a => a.TeamResponseReason).HasMaxLength(4000);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ServiceId, a.Status });
        builder.HasIndex(a => a.ReassessmentOfId);
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.CatalogVersion).WithMany().HasForeignKey(a => a.CatalogVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.ReassessmentOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Results).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Reviewers).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckpointResultMapping : IEntityTypeConfiguration<CheckpointResult>
{
    public void Configure(EntityTypeBuilder<CheckpointResult> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CheckpointId).HasMaxLength(16);
        builder.HasIndex(r => new { r.AssessmentId, r.CheckpointId }).IsUnique();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Rag).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.NotApplicableReason).HasMaxLength(2000);
        builder.Property(r => r.Evidence).HasMaxLength(4000);
        builder.Property(r => r.EvidenceLinks).HasMaxLength(4000);
        builder.Property(r => r.AssessorNote).HasMaxLength(4000);
        builder.Property(r => r.PanelComment).HasMaxLength(4000);
        builder.Property(r => r.SuggestedOutcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.SuggestionDecision).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.OverrideReason).HasMaxLength(2000);
        builder.HasIndex(r => r.SuggestionDecision);
        builder.Property(r => r.UpdatedByName).HasMaxLength(200);
        builder.Property(r => r.Revision).IsConcurrencyToken();
    }
}

internal sealed class AssessmentReviewerMapping : IEntityTypeConfiguration<AssessmentReviewer>
{
    public void Configure(EntityTypeBuilder<AssessmentReviewer> builder)
    {
        builder.HasKey(r => new { r.AssessmentId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<ShishinUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionItemMapping : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.CheckpointId).HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.WontDoReason).HasMaxLength(2000);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ServiceId, a.Status });
        builder.HasIndex(a => new { a.IsOverdue, a.DueOn });
        builder.HasIndex(a => a.OwnerId);
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ShishinUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
