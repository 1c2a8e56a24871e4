using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueAt",
                table: "Notifications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "Leads",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReclaimWarnedFor",
                table: "Leads",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReclaimRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    Condition = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    NotContactedHours = table.Column<int>(type: "int", nullable: true),
                    NoFollowUpDays = table.Column<int>(type: "int", nullable: true),
                    NoStageAdvanceDays = table.Column<int>(type: "int", nullable: true),
                    WarnHoursBefore = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
