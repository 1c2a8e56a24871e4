using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Tenancy.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TenantDataKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "WrappedDataKey",
                table: "Tenants",
                type: "bytea",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WrappedDataKey",
                table: "Tenants");
        }
    }
}
