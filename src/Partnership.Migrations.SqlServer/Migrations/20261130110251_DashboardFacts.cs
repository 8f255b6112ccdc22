using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardDirtyMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Family = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Bucket = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardDirtyMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Family = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Bucket = table.Column<int>(type: "int", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    AreaCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MeasureKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Metric = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DimKind = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DimValue = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardFacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_FirstSubmittedAt",
                table: "SchemeEntries",
                column: "FirstSubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_ValidFrom",
                table: "SchemeEntries",
                column: "ValidFrom");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_ValidUntil",
                table: "SchemeEntries",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferredAt",
                table: "Referrals",
                column: "ReferredAt");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFacts_Family_Bucket_Month_AreaCode_MeasureKey_Metric_DimKind_DimValue",
                table: "DashboardFacts",
                columns: new[] { "Family", "Bucket", "Month", "AreaCode", "MeasureKey", "Metric", "DimKind", "DimValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFacts_Family_DimValue",
                table: "DashboardFacts",
                columns: new[] { "Family", "DimValue" });

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFacts_FiscalYear_Family",
                table: "DashboardFacts",
                columns: new[] { "FiscalYear", "Family" });

            // Records that existed before the facts: the first refresh rebuilds every bucket (DashboardFacts.Everything).
            migrationBuilder.InsertData(
                table: "DashboardDirtyMarks",
                columns: new[] { "Family", "Bucket" },
                values: new object[] { "*", 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardDirtyMarks");

            migrationBuilder.DropTable(
                name: "DashboardFacts");

            migrationBuilder.DropIndex(
                name: "IX_SchemeEntries_FirstSubmittedAt",
                table: "SchemeEntries");

            migrationBuilder.DropIndex(
                name: "IX_SchemeEntries_ValidFrom",
                table: "SchemeEntries");

            migrationBuilder.DropIndex(
                name: "IX_SchemeEntries_ValidUntil",
                table: "SchemeEntries");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferredAt",
                table: "Referrals");
        }
    }
}
