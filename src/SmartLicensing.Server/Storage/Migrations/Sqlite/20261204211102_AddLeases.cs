using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "Leases",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "background-jobs", 621355968000000000L, "" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Leases");
        }
    }
}
