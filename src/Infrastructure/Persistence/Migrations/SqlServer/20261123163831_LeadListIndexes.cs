using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LeadListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_Name",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_OwnerId_Status_CreatedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_CreatedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TeamId_Status_CreatedAt",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Name_City",
                table: "Leads",
                columns: new[] { "Name", "City" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_Status_ConvertedAt_CreatedAt",
                table: "Leads",
                columns: new[] { "OwnerId", "Status", "ConvertedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_ConvertedAt_CreatedAt",
                table: "Leads",
                columns: new[] { "Status", "ConvertedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TeamId_Status_ConvertedAt_CreatedAt",
                table: "Leads",
                columns: new[] { "TeamId", "Status", "ConvertedAt", "CreatedAt" });

            // Blind-index lookups (search by exact mobile, de-duplication, merges). The columns belong to complex
            // properties, which EF Core cannot index in the model, so these indexes live only in the migrations.
            migrationBuilder.CreateIndex(name: "IX_Leads_MobileIndex", table: "Leads", column: "MobileIndex");
            migrationBuilder.CreateIndex(name: "IX_Leads_IdNumberIndex", table: "Leads", column: "IdNumberIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_Leads_MobileIndex", table: "Leads");
            migrationBuilder.DropIndex(name: "IX_Leads_IdNumberIndex", table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Name_City",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_OwnerId_Status_ConvertedAt_CreatedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_ConvertedAt_CreatedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TeamId_Status_ConvertedAt_CreatedAt",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Name",
                table: "Leads",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId_Status_CreatedAt",
                table: "Leads",
                columns: new[] { "OwnerId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_CreatedAt",
                table: "Leads",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TeamId_Status_CreatedAt",
                table: "Leads",
                columns: new[] { "TeamId", "Status", "CreatedAt" });
        }
    }
}
