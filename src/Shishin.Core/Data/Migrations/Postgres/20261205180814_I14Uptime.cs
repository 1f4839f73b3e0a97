using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shishin.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I14Uptime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UptimeChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    IntervalSeconds = table.Column<int>(type: "integer", nullable: true),
                    FailureThreshold = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    NextProbeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    FailingSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastProbeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSucceeded = table.Column<bool>(type: "boolean", nullable: true),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastLatencyMs = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CertificateExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CertificateNotifiedFor = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenIncidentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UptimeChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UptimeChecks_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UptimeDailyAggregates",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Probes = table.Column<int>(type: "integer", nullable: false),
                    Successes = table.Column<int>(type: "integer", nullable: false),
                    LatencyTotalMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UptimeDailyAggregates", x => new { x.ServiceId, x.Day });
                    table.ForeignKey(
                        name: "FK_UptimeDailyAggregates_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UptimeIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: true),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UptimeIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UptimeIncidents_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UptimeIncidents_UptimeChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "UptimeChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UptimeProbes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    LatencyMs = table.Column<int>(type: "integer", nullable: false),
                    CertificateExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UptimeProbes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UptimeProbes_UptimeChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "UptimeChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UptimeIncidentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UptimeIncidentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UptimeIncidentEvents_UptimeIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "UptimeIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UptimeChecks_Enabled_NextProbeAt",
                table: "UptimeChecks",
                columns: new[] { "Enabled", "NextProbeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UptimeChecks_ServiceId",
                table: "UptimeChecks",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_UptimeIncidentEvents_IncidentId_At",
                table: "UptimeIncidentEvents",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_UptimeIncidents_CheckId",
                table: "UptimeIncidents",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_UptimeIncidents_ServiceId_OpenedAt",
                table: "UptimeIncidents",
                columns: new[] { "ServiceId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UptimeProbes_At",
                table: "UptimeProbes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_UptimeProbes_CheckId_At",
                table: "UptimeProbes",
                columns: new[] { "CheckId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UptimeDailyAggregates");

            migrationBuilder.DropTable(
                name: "UptimeIncidentEvents");

            migrationBuilder.DropTable(
                name: "UptimeProbes");

            migrationBuilder.DropTable(
                name: "UptimeIncidents");

            migrationBuilder.DropTable(
                name: "UptimeChecks");
        }
    }
}
