using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shishin.Core.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    BasedOnId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CheckpointId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Principle = table.Column<int>(type: "integer", nullable: true),
                    Theme = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GuidanceJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GuidanceEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvidenceJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Phases = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CheckType = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AppliedVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
            migrationBuilder.Sql("""
                CREATE FUNCTION catalog_versions_published_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD."Status" <> 'Draft' THEN RAISE EXCEPTION 'published catalogue versions are never deleted'; END IF;
                        RETURN OLD;
                    END IF;
                    IF OLD."Status" <> 'Draft' AND (NEW."Document" IS DISTINCT FROM OLD."Document"
                        OR NEW."Version" IS DISTINCT FROM OLD."Version"
                        OR NEW."Status" NOT IN ('Published', 'Retired')
                        OR (OLD."Status" = 'Retired' AND NEW."Status" <> 'Retired')) THEN
                        RAISE EXCEPTION 'published catalogue versions never change';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER catalog_versions_published_guard BEFORE UPDATE OR DELETE ON \"CatalogVersions\" FOR EACH ROW EXECUTE FUNCTION catalog_versions_published_guard();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER catalog_versions_published_guard ON \"CatalogVersions\";");
            migrationBuilder.Sql("DROP FUNCTION catalog_versions_published_guard();");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "ChangeProposals");

            migrationBuilder.DropTable(
                name: "CatalogVersions");
        }
    }
}
