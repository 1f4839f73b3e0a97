using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shishin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScanRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScanDailyAggregates",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesWithViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    Critical = table.Column<int>(type: "INTEGER", nullable: false),
                    Serious = table.Column<int>(type: "INTEGER", nullable: false),
                    Moderate = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<int>(type: "INTEGER", nullable: false),
                    SecurityFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    LcpMedianMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClsMedian = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanDailyAggregates", x => new { x.ServiceId, x.Day });
                    table.ForeignKey(
                        name: "FK_ScanDailyAggregates_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartUrls = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MaxPages = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    Include = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Exclude = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Mobile = table.Column<bool>(type: "INTEGER", nullable: false),
                    Wcag22 = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanProfiles_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    OverridesJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    ScannerVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AxeVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BrowserVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PagesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesPlanned = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    PageErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    PartialPages = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesWithViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    Critical = table.Column<int>(type: "INTEGER", nullable: false),
                    Serious = table.Column<int>(type: "INTEGER", nullable: false),
                    Moderate = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<int>(type: "INTEGER", nullable: false),
                    SecurityFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    LcpMedianMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClsMedian = table.Column<double>(type: "REAL", nullable: true),
                    DetailPruned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanRuns_ScanProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ScanProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ScanRuns_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    FinalUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Step = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Lang = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TimeToFirstByteMs = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstContentfulPaintMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LargestContentfulPaintMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CumulativeLayoutShift = table.Column<double>(type: "REAL", nullable: true),
                    LoadMs = table.Column<long>(type: "INTEGER", nullable: true),
                    WeightBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    TlsValidTo = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanPages_ScanRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScanRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HelpUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Wcag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NodeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NodesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanFindings_ScanPages_PageId",
                        column: x => x.PageId,
                        principalTable: "ScanPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScanFindings_ScanRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScanRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScanFindings_PageId",
                table: "ScanFindings",
                column: "PageId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanFindings_RunId_Fingerprint",
                table: "ScanFindings",
                columns: new[] { "RunId", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanFindings_RunId_RuleId",
                table: "ScanFindings",
                columns: new[] { "RunId", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanPages_RunId_Ordinal",
                table: "ScanPages",
                columns: new[] { "RunId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanProfiles_ServiceId",
                table: "ScanProfiles",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanRuns_ProfileId_QueuedAt",
                table: "ScanRuns",
                columns: new[] { "ProfileId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanRuns_ServiceId_QueuedAt",
                table: "ScanRuns",
                columns: new[] { "ServiceId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanRuns_Status",
                table: "ScanRuns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanDailyAggregates");

            migrationBuilder.DropTable(
                name: "ScanFindings");

            migrationBuilder.DropTable(
                name: "ScanPages");

            migrationBuilder.DropTable(
                name: "ScanRuns");

            migrationBuilder.DropTable(
                name: "ScanProfiles");
        }
    }
}
