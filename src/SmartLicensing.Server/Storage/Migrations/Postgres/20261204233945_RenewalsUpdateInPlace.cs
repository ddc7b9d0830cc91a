using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Postgres
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

            migrationBuilder.AlterTable(
                name: "ProductInstances")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "ProductInstances")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_LastContactAt",
                table: "ProductInstances",
                column: "LastContactAt");
        }
    }
}
