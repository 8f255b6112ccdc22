using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Schemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NameJa = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AreaCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MeasureKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NumberPrefix = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ValidityMonths = table.Column<int>(type: "int", nullable: true),
                    ValidUntilField = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RenewalWindowDays = table.Column<int>(type: "int", nullable: false),
                    HasProgressReports = table.Column<bool>(type: "bit", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchemeFormVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchemeId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeFormVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeFormVersions_Schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "Schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchemeId = table.Column<int>(type: "int", nullable: false),
                    CompanyId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    FormVersionId = table.Column<int>(type: "int", nullable: false),
                    AnswersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LiveKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RenewalOfId = table.Column<int>(type: "int", nullable: true),
                    Number = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    IssuedNumber = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    DraftSavedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FirstSubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ListInDirectory = table.Column<bool>(type: "bit", nullable: false),
                    Reminder90SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reminder30SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeEntries_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchemeEntries_SchemeEntries_RenewalOfId",
                        column: x => x.RenewalOfId,
                        principalTable: "SchemeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchemeEntries_SchemeFormVersions_FormVersionId",
                        column: x => x.FormVersionId,
                        principalTable: "SchemeFormVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchemeEntries_Schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "Schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeEntryEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeEntryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeEntryEvents_SchemeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SchemeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchemeProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ValuesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReportedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeProgressReports_SchemeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SchemeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchemeSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    FormVersionId = table.Column<int>(type: "int", nullable: false),
                    AnswersJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeSubmissions_SchemeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SchemeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SchemeSubmissions_SchemeFormVersions_FormVersionId",
                        column: x => x.FormVersionId,
                        principalTable: "SchemeFormVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_CompanyId",
                table: "SchemeEntries",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_FormVersionId",
                table: "SchemeEntries",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_IssuedNumber",
                table: "SchemeEntries",
                column: "IssuedNumber",
                unique: true,
                filter: "[IssuedNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_LiveKey",
                table: "SchemeEntries",
                column: "LiveKey",
                unique: true,
                filter: "[LiveKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_Number",
                table: "SchemeEntries",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_RenewalOfId",
                table: "SchemeEntries",
                column: "RenewalOfId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_SchemeId_Status_SubmittedAt",
                table: "SchemeEntries",
                columns: new[] { "SchemeId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_Status_SubmittedAt",
                table: "SchemeEntries",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_Status_ValidUntil",
                table: "SchemeEntries",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntryEvents_EntryId",
                table: "SchemeEntryEvents",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeFormVersions_SchemeId_Number",
                table: "SchemeFormVersions",
                columns: new[] { "SchemeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchemeProgressReports_EntryId",
                table: "SchemeProgressReports",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Schemes_Code",
                table: "Schemes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchemeSubmissions_EntryId_Sequence",
                table: "SchemeSubmissions",
                columns: new[] { "EntryId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchemeSubmissions_FormVersionId",
                table: "SchemeSubmissions",
                column: "FormVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchemeEntryEvents");

            migrationBuilder.DropTable(
                name: "SchemeProgressReports");

            migrationBuilder.DropTable(
                name: "SchemeSubmissions");

            migrationBuilder.DropTable(
                name: "SchemeEntries");

            migrationBuilder.DropTable(
                name: "SchemeFormVersions");

            migrationBuilder.DropTable(
                name: "Schemes");
        }
    }
}
