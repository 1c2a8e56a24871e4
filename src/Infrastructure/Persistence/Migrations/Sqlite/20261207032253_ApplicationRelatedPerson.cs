using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "BLOB",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileIndex",
                table: "LoanApplications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileMasked",
                table: "LoanApplications",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedName",
                table: "LoanApplications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRelation",
                table: "LoanApplications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRole",
                table: "LoanApplications",
                type: "TEXT",
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
