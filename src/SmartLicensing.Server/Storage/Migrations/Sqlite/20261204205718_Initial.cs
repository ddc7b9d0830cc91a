using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    KeyHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntitlementBalances",
                columns: table => new
                {
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purchased = table.Column<int>(type: "INTEGER", nullable: false),
                    InUse = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntitlementBalances", x => new { x.VirtualAccountId, x.Tag });
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LicensePurchases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderReference = table.Column<string>(type: "TEXT", nullable: true),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensePurchases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductInstances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Udi = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", nullable: true),
                    ProductVersion = table.Column<string>(type: "TEXT", nullable: true),
                    PublicKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CertificateSerial = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateNotBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateNotAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastContactAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAuthorizedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExportControlledAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredWithTokenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxUses = table.Column<int>(type: "INTEGER", nullable: true),
                    Uses = table.Column<int>(type: "INTEGER", nullable: false),
                    ExportControlled = table.Column<bool>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DisplayPrefix = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmartAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ExportControlledQualified = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReservationEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultVirtualAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VirtualAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SmartAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VirtualAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductInstanceEntitlements",
                columns: table => new
                {
                    ProductInstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductInstanceEntitlements", x => new { x.ProductInstanceId, x.Tag });
                    table.ForeignKey(
                        name: "FK_ProductInstanceEntitlements_ProductInstances_ProductInstanceId",
                        column: x => x.ProductInstanceId,
                        principalTable: "ProductInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_Time",
                table: "Events",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_Events_VirtualAccountId_Time",
                table: "Events",
                columns: new[] { "VirtualAccountId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_LicensePurchases_ImportId",
                table: "LicensePurchases",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_LicensePurchases_VirtualAccountId",
                table: "LicensePurchases",
                column: "VirtualAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_CertificateSerial",
                table: "ProductInstances",
                column: "CertificateSerial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_Udi",
                table: "ProductInstances",
                column: "Udi",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductInstances_VirtualAccountId",
                table: "ProductInstances",
                column: "VirtualAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationTokens_TokenHash",
                table: "RegistrationTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationTokens_VirtualAccountId",
                table: "RegistrationTokens",
                column: "VirtualAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_VirtualAccounts_SmartAccountId_NormalizedName",
                table: "VirtualAccounts",
                columns: new[] { "SmartAccountId", "NormalizedName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "EntitlementBalances");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "LicensePurchases");

            migrationBuilder.DropTable(
                name: "ProductInstanceEntitlements");

            migrationBuilder.DropTable(
                name: "RegistrationTokens");

            migrationBuilder.DropTable(
                name: "SmartAccounts");

            migrationBuilder.DropTable(
                name: "VirtualAccounts");

            migrationBuilder.DropTable(
                name: "ProductInstances");
        }
    }
}
