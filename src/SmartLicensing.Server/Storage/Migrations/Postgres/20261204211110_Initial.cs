using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartLicensing.Server.Storage.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    KeyHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntitlementBalances",
                columns: table => new
                {
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: false),
                    Tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Purchased = table.Column<int>(type: "integer", nullable: false),
                    InUse = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntitlementBalances", x => new { x.VirtualAccountId, x.Tag });
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Message = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LicensePurchases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OrderReference = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensePurchases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductInstances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: false),
                    Udi = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false, collation: "C"),
                    ProductId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SerialNumber = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProductName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ProductVersion = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CertificateSerial = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CertificateNotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CertificateNotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAuthorizedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExportControlledAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredWithTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VirtualAccountId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MaxUses = table.Column<int>(type: "integer", nullable: true),
                    Uses = table.Column<int>(type: "integer", nullable: false),
                    ExportControlled = table.Column<bool>(type: "boolean", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    DisplayPrefix = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmartAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    ExportControlledQualified = table.Column<bool>(type: "boolean", nullable: false),
                    ReservationEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultVirtualAccountId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VirtualAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SmartAccountId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VirtualAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductInstanceEntitlements",
                columns: table => new
                {
                    ProductInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductInstanceEntitlements", x => new { x.ProductInstanceId, x.Tag });
                    table.ForeignKey(
                        name: "FK_ProductInstanceEntitlements_ProductInstances_ProductInstanc~",
                        column: x => x.ProductInstanceId,
                        principalTable: "ProductInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Leases",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "background-jobs", new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" });

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
                name: "Leases");

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
