using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shishin.Core.Catalog;

internal sealed class CatalogVersionMapping : IEntityTypeConfiguration<CatalogVersion>
{
    public void Configure(EntityTypeBuilder<CatalogVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Version).HasMaxLength(32);
        builder.HasIndex(v => v.Version).IsUnique();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        // At most one draft: a partial unique index, which both SQLite and PostgreSQL enforce.
        builder.HasIndex(v => v.Status).IsUnique().HasFilter("\"Status\" = 'Draft'").HasDatabaseName("IX_CatalogVersions_OneDraft");
        builder.Property(v => v.Revision).IsConcurrencyToken();
    }
}

internal sealed class ChangeProposalMapping : IEntityTypeConfiguration<ChangeProposal>
{
    public void Configure(EntityTypeBuilder<ChangeProposal> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.CheckType).HasConversion<string>().HasMaxLength(1);
        builder.Property(p => p.CheckpointId).HasMaxLength(16);
        builder.Property(p => p.Theme).HasMaxLength(8);
        builder.Property(p => p.Summary).HasMaxLength(200);
        builder.Property(p => p.TitleJa).HasMaxLength(200);
        builder.Property(p => p.TitleEn).HasMaxLength(200);
        builder.Property(p => p.GuidanceJa).HasMaxLength(4000);
        builder.Property(p => p.GuidanceEn).HasMaxLength(4000);
        builder.Property(p => p.EvidenceJa).HasMaxLength(2000);
        builder.Property(p => p.EvidenceEn).HasMaxLength(2000);
        builder.Property(p => p.Phases).HasMaxLength(100);
        builder.Property(p => p.Rationale).HasMaxLength(4000);
        builder.Property(p => p.Evidence).HasMaxLength(4000);
        builder.Property(p => p.ProposerName).HasMaxLength(200);
        builder.Property(p => p.DecidedByName).HasMaxLength(200);
        builder.Property(p => p.DecisionReason).HasMaxLength(2000);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.ProposerId);
        builder.HasIndex(p => p.AppliedVersionId);
        builder.HasOne<CatalogVersion>().WithMany().HasForeignKey(p => p.BaseVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalCommentMapping : IEntityTypeConfiguration<ProposalComment>
{
    public void Configure(EntityTypeBuilder<ProposalComment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ProposalId, c.CreatedAt });
    }
}
