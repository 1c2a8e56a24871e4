using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Tenancy.Catalog.Migrations.Sqlite
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
                type: "BLOB",
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
