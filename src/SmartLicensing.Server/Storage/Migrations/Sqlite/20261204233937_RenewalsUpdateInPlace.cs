using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RenewalsUpdateInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProductInstances_LastContactAt",
                table: "ProductInstances");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_LastContactAt",
                table: "ProductInstances",
                column: "LastContactAt");
        }
    }
}
