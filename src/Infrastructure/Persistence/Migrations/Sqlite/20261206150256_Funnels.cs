using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Funnels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StageEnteredAt",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "StageId",
                table: "Leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Requirements",
                table: "FunnelStages",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LeadStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToStageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MovedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadStageChanges", x => x.Id);
                });

            // Existing leads' cards start on the default board's first stage; the seeded SOP stages get their requirements.
            migrationBuilder.Sql("""
                UPDATE "Leads" SET "StageId" = (SELECT s."Id" FROM "FunnelStages" AS s INNER JOIN "FunnelBoards" AS b ON b."Id" = s."BoardId" WHERE b."IsDefault" = 1 AND s."Category" = 'Open' AND s."IsArchived" = 0 ORDER BY s."Order" LIMIT 1), "StageEnteredAt" = "CreatedAt" WHERE "StageId" IS NULL
                """);
            migrationBuilder.Sql("UPDATE \"FunnelStages\" SET \"Requirements\" = 'IdNumber' WHERE \"Key\" = 'qualification'");
            migrationBuilder.Sql("UPDATE \"FunnelStages\" SET \"Requirements\" = 'LoanType,Amount' WHERE \"Key\" = 'matching'");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Board",
                table: "Leads",
                columns: new[] { "StageId", "StageEnteredAt", "Id", "OwnerId", "TeamId", "AmountWan" },
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_LeadId_MovedAt",
                table: "LeadStageChanges",
                columns: new[] { "LeadId", "MovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStageChanges_MovedAt",
                table: "LeadStageChanges",
                column: "MovedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadStageChanges");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Board",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "StageEnteredAt",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "StageId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "Requirements",
                table: "FunnelStages");
        }
    }
}
