using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsReservationsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Reserved",
                table: "ProductInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ExpiryApplied",
                table: "LicensePurchases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionDue = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Udi = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    RequestPublicKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EntitlementTag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorizationCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConfirmationCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reservations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_LastContactAt",
                table: "ProductInstances",
                column: "LastContactAt");

            migrationBuilder.CreateIndex(
                name: "IX_LicensePurchases_ExpiresAt",
                table: "LicensePurchases",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Kind_ClearedAt",
                table: "Alerts",
                columns: new[] { "Kind", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_VirtualAccountId",
                table: "Alerts",
                column: "VirtualAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_RequestPublicKey",
                table: "Reservations",
                column: "RequestPublicKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Udi",
                table: "Reservations",
                column: "Udi");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_ProductInstances_LastContactAt",
                table: "ProductInstances");

            migrationBuilder.DropIndex(
                name: "IX_LicensePurchases_ExpiresAt",
                table: "LicensePurchases");

            migrationBuilder.DropColumn(
                name: "Reserved",
                table: "ProductInstances");

            migrationBuilder.DropColumn(
                name: "ExpiryApplied",
                table: "LicensePurchases");
        }
    }
}
