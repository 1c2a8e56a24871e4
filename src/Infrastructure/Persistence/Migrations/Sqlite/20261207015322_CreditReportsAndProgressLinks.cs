using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditReportsAndProgressLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicationProgressLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastViewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ViewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationProgressLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentOverdueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Queries6Months = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PulledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PulledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PulledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationProgressLinks_ApplicationId_CreatedAt",
                table: "ApplicationProgressLinks",
                columns: new[] { "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationProgressLinks_TokenHash",
                table: "ApplicationProgressLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditReports_ApplicationId_ReportDate",
                table: "CreditReports",
                columns: new[] { "ApplicationId", "ReportDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditReports_LeadId",
                table: "CreditReports",
                column: "LeadId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationProgressLinks");

            migrationBuilder.DropTable(
                name: "CreditReports");
        }
    }
}
