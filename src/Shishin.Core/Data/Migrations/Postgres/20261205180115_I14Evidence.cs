using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shishin.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I14Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "CheckpointResults",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SuggestedOutcome",
                table: "CheckpointResults",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestionDecision",
                table: "CheckpointResults",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SuggestionRunId",
                table: "CheckpointResults",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckpointResults_SuggestionDecision",
                table: "CheckpointResults",
                column: "SuggestionDecision");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckpointResults_SuggestionDecision",
                table: "CheckpointResults");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "CheckpointResults");

            migrationBuilder.DropColumn(
                name: "SuggestedOutcome",
                table: "CheckpointResults");

            migrationBuilder.DropColumn(
                name: "SuggestionDecision",
                table: "CheckpointResults");

            migrationBuilder.DropColumn(
                name: "SuggestionRunId",
                table: "CheckpointResults");
        }
    }
}
