using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApplicationRelatedPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "RelatedMobileCipher",
                table: "LoanApplications",
                type: "varbinary(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileIndex",
                table: "LoanApplications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileMasked",
                table: "LoanApplications",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedName",
                table: "LoanApplications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRelation",
                table: "LoanApplications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRole",
                table: "LoanApplications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RelatedMobileCipher",
                table: "LoanApplications");

            migrationBuilder.DropColumn(
                name: "RelatedMobileIndex",
                table: "LoanApplications");

            migrationBuilder.DropColumn(
                name: "RelatedMobileMasked",
                table: "LoanApplications");

            migrationBuilder.DropColumn(
                name: "RelatedName",
                table: "LoanApplications");

            migrationBuilder.DropColumn(
                name: "RelatedRelation",
                table: "LoanApplications");

            migrationBuilder.DropColumn(
                name: "RelatedRole",
                table: "LoanApplications");
        }
    }
}
