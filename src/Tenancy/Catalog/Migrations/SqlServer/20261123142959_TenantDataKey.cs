using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoanSaaS.Tenancy.Catalog.Migrations.SqlServer
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
                type: "varbinary(128)",
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
