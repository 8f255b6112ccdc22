using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchemesAndSubsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MeasureKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NumberPrefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ValidUntilField = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RenewalWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HasProgressReports = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubsidyPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MeasureKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceiptCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyPrograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchemeFormVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "SubsidyWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BudgetYen = table.Column<long>(type: "INTEGER", nullable: false),
                    CapYen = table.Column<long>(type: "INTEGER", nullable: false),
                    RateNumerator = table.Column<int>(type: "INTEGER", nullable: false),
                    RateDenominator = table.Column<int>(type: "INTEGER", nullable: false),
                    Allotment = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingList = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequireTokyo = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequireSme = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    PrerequisiteSchemeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RequiredDocumentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReservedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReceiptSeq = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyWindows", x => x.Id);
                    table.CheckConstraint("CK_SubsidyWindows_Reserved", "\"ReservedYen\" >= 0 AND \"ReservedYen\" <= \"BudgetYen\"");
                    table.ForeignKey(
                        name: "FK_SubsidyWindows_SubsidyPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "SubsidyPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FormVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    LiveKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RenewalOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    IssuedNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DraftSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ListInDirectory = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reminder90SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reminder30SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "SubsidyApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpensesJson = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleExpensesYen = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldYen = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedYen = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedYen = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptSeq = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DraftSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LiveKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubsidyApplications_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubsidyApplications_SubsidyWindows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "SubsidyWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeEntryEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FormVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SubsidyDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    RequirementCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubsidyDocuments_SubsidyApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SubsidyApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubsidyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubsidyEvents_SubsidyApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SubsidyApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchemeEntries_LiveKey",
                table: "SchemeEntries",
                column: "LiveKey",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_CompanyId",
                table: "SubsidyApplications",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_LiveKey",
                table: "SubsidyApplications",
                column: "LiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_ReceiptNumber",
                table: "SubsidyApplications",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_WindowId_ReceiptSeq",
                table: "SubsidyApplications",
                columns: new[] { "WindowId", "ReceiptSeq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_WindowId_Status",
                table: "SubsidyApplications",
                columns: new[] { "WindowId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyDocuments_ApplicationId",
                table: "SubsidyDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyEvents_ApplicationId",
                table: "SubsidyEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyPrograms_Code",
                table: "SubsidyPrograms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyWindows_FiscalYear_OpensAt",
                table: "SubsidyWindows",
                columns: new[] { "FiscalYear", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyWindows_ProgramId",
                table: "SubsidyWindows",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyWindows_ReceiptCode",
                table: "SubsidyWindows",
                column: "ReceiptCode",
                unique: true);
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
                name: "SubsidyDocuments");

            migrationBuilder.DropTable(
                name: "SubsidyEvents");

            migrationBuilder.DropTable(
                name: "SchemeEntries");

            migrationBuilder.DropTable(
                name: "SubsidyApplications");

            migrationBuilder.DropTable(
                name: "SchemeFormVersions");

            migrationBuilder.DropTable(
                name: "SubsidyWindows");

            migrationBuilder.DropTable(
                name: "Schemes");

            migrationBuilder.DropTable(
                name: "SubsidyPrograms");
        }
    }
}
