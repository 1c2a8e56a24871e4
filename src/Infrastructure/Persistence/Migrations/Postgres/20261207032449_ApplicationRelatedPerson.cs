using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Infrastructure.Persistence.Migrations.Postgres
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
                type: "bytea",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileIndex",
                table: "LoanApplications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedMobileMasked",
                table: "LoanApplications",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedName",
                table: "LoanApplications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRelation",
                table: "LoanApplications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelatedRole",
                table: "LoanApplications",
                type: "character varying(20)",
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
