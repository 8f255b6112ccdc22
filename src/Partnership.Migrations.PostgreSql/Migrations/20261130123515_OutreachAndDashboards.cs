using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OutreachAndDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "PublicityRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBranchManager",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DashboardDirtyMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Family = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Family = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MeasureKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Metric = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DimKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DimValue = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberSupportCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BranchCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Advice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowedUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberSupportCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberSupportCases_ChamberBranches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "ChamberBranches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberSupportCases_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicityRequestId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityAttachments_PublicityRequests_PublicityRequestId",
                        column: x => x.PublicityRequestId,
                        principalTable: "PublicityRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "DashboardStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

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
                name: "IX_PublicityRequests_SubmissionKey",
                table: "PublicityRequests",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardFacts_Family_Bucket_Month_AreaCode_MeasureKey_Metr~",
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

            migrationBuilder.CreateIndex(
                name: "IX_MemberSupportCases_BranchCode",
                table: "MemberSupportCases",
                column: "BranchCode");

            migrationBuilder.CreateIndex(
                name: "IX_MemberSupportCases_CompanyId_Date",
                table: "MemberSupportCases",
                columns: new[] { "CompanyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberSupportCases_FollowedUpOn_FollowUpOn",
                table: "MemberSupportCases",
                columns: new[] { "FollowedUpOn", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberSupportCases_SubmissionKey",
                table: "MemberSupportCases",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicityAttachments_PublicityRequestId",
                table: "PublicityAttachments",
                column: "PublicityRequestId");

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

            migrationBuilder.DropTable(
                name: "DashboardStamps");

            migrationBuilder.DropTable(
                name: "MemberSupportCases");

            migrationBuilder.DropTable(
                name: "PublicityAttachments");

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

            migrationBuilder.DropIndex(
                name: "IX_PublicityRequests_SubmissionKey",
                table: "PublicityRequests");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "PublicityRequests");

            migrationBuilder.DropColumn(
                name: "IsBranchManager",
                table: "AspNetUsers");
        }
    }
}
