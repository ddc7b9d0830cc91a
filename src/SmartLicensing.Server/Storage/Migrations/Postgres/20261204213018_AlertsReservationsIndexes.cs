using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ExpiryApplied",
                table: "LicensePurchases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: true),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActionDue = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: false),
                    Udi = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false, collation: "C"),
                    RequestPublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    EntitlementTag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    AuthorizationCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ConfirmationCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    ReservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
