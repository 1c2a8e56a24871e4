using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReclaimRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "Notifications",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssignedAt",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReclaimWarnedFor",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReclaimRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NotContactedHours = table.Column<int>(type: "INTEGER", nullable: true),
                    NoFollowUpDays = table.Column<int>(type: "INTEGER", nullable: true),
                    NoStageAdvanceDays = table.Column<int>(type: "INTEGER", nullable: true),
                    WarnHoursBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReclaimRules", x => x.Id);
                });

            // Leads owned before reclaim rules existed: their clock starts at their last change.
            migrationBuilder.Sql("UPDATE \"Leads\" SET \"AssignedAt\" = \"UpdatedAt\" WHERE \"OwnerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Open_Assigned",
                table: "Leads",
                columns: new[] { "AssignedAt", "Id" },
                filter: "\"Status\" = 'Active' AND \"ConvertedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReclaimRules_Order",
                table: "ReclaimRules",
                column: "Order");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReclaimRules");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Open_Assigned",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "ReclaimWarnedFor",
                table: "Leads");
        }
    }
}
