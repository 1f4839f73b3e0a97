using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shishin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    BasedOnId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CheckpointId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Principle = table.Column<int>(type: "INTEGER", nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GuidanceJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GuidanceEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EvidenceJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Phases = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckType = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AppliedVersionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeProposals_CatalogVersions_BaseVersionId",
                        column: x => x.BaseVersionId,
                        principalTable: "CatalogVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalComments_ChangeProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ChangeProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogVersions_OneDraft",
                table: "CatalogVersions",
                column: "Status",
                unique: true,
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogVersions_Version",
                table: "CatalogVersions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProposals_AppliedVersionId",
                table: "ChangeProposals",
                column: "AppliedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProposals_BaseVersionId",
                table: "ChangeProposals",
                column: "BaseVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProposals_Number",
                table: "ChangeProposals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProposals_ProposerId",
                table: "ChangeProposals",
                column: "ProposerId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProposals_Status_CreatedAt",
                table: "ChangeProposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId_CreatedAt",
                table: "ProposalComments",
                columns: new[] { "ProposalId", "CreatedAt" });

            // A published catalogue version is a record assessments point to: the database itself refuses to change
            // its content or delete it; only the move to Retired is allowed.
            migrationBuilder.Sql("CREATE TRIGGER catalog_versions_published_no_update BEFORE UPDATE ON \"CatalogVersions\" WHEN OLD.\"Status\" <> 'Draft' AND (NEW.\"Document\" IS NOT OLD.\"Document\" OR NEW.\"Version\" IS NOT OLD.\"Version\" OR NEW.\"Status\" NOT IN ('Published', 'Retired') OR (OLD.\"Status\" = 'Retired' AND NEW.\"Status\" <> 'Retired')) BEGIN SELECT RAISE(ABORT, 'published catalogue versions never change'); END;");
            migrationBuilder.Sql("CREATE TRIGGER catalog_versions_published_no_delete BEFORE DELETE ON \"CatalogVersions\" WHEN OLD.\"Status\" <> 'Draft' BEGIN SELECT RAISE(ABORT, 'published catalogue versions are never deleted'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER catalog_versions_published_no_update;");
            migrationBuilder.Sql("DROP TRIGGER catalog_versions_published_no_delete;");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "ChangeProposals");

            migrationBuilder.DropTable(
                name: "CatalogVersions");
        }
    }
}
