using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadListPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_CustomerNumber",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_ImportId",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_NextFollowUpAt",
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
                name: "IX_Leads_Blacklisted",
                table: "Leads",
                columns: new[] { "CreatedAt", "Id" },
                filter: "\"Status\" = 'Blacklisted'");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_CustomerNumber",
                table: "Leads",
                column: "CustomerNumber",
                unique: true,
                filter: "\"CustomerNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Customers",
                table: "Leads",
                columns: new[] { "CreatedAt", "Id", "OwnerId", "TeamId", "Intent", "Source" },
                filter: "\"ConvertedAt\" IS NOT NULL AND \"Status\" <> 'Merged'");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_NextFollowUpAt",
                table: "Leads",
                column: "NextFollowUpAt",
                filter: "\"NextFollowUpAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Open",
                table: "Leads",
                columns: new[] { "CreatedAt", "Id", "OwnerId", "TeamId", "Intent", "Source" },
                filter: "\"Status\" = 'Active' AND \"ConvertedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Open_Owner",
                table: "Leads",
                columns: new[] { "OwnerId", "CreatedAt", "Id" },
                filter: "\"Status\" = 'Active' AND \"ConvertedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Pool",
                table: "Leads",
                columns: new[] { "CreatedAt", "Id" },
                filter: "\"Status\" = 'PublicPool'");

            // Half the leads have no ID number: index only those that have one (de-duplication and merges look them up).
            migrationBuilder.DropIndex(name: "IX_Leads_IdNumberIndex", table: "Leads");
            migrationBuilder.CreateIndex(name: "IX_Leads_IdNumberIndex", table: "Leads", column: "IdNumberIndex", filter: "\"IdNumberIndex\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_Blacklisted",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_CustomerNumber",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Customers",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_NextFollowUpAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Open",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Open_Owner",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Pool",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_CustomerNumber",
                table: "Leads",
                column: "CustomerNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ImportId",
                table: "Leads",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_NextFollowUpAt",
                table: "Leads",
                column: "NextFollowUpAt");

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

            migrationBuilder.DropIndex(name: "IX_Leads_IdNumberIndex", table: "Leads");
            migrationBuilder.CreateIndex(name: "IX_Leads_IdNumberIndex", table: "Leads", column: "IdNumberIndex");
        }
    }
}
