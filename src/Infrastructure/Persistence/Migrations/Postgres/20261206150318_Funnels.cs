using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Funnels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StageEnteredAt",
                table: "Leads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "StageId",
                table: "Leads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Requirements",
                table: "FunnelStages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LeadStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStageId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToStageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MovedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadStageChanges", x => x.Id);
                });

            // Existing leads' cards start on the default board's first stage; the seeded SOP stages get their requirements.
            migrationBuilder.Sql("""
                UPDATE "Leads" SET "StageId" = (SELECT s."Id" FROM "FunnelStages" AS s INNER JOIN "FunnelBoards" AS b ON b."Id" = s."BoardId" WHERE b."IsDefault" AND s."Category" = 'Open' AND NOT s."IsArchived" ORDER BY s."Order" LIMIT 1), "StageEnteredAt" = "CreatedAt" WHERE "StageId" IS NULL
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
