using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Outreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoSponsorshipRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Participants = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberParticipants = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoSponsorshipRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoSponsorshipRequests_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WishedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WishedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WishedChannels = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityRequests_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReferredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReferredByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConvertedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConvertedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_ChamberBranches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "ChamberBranches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LoggedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublicityRequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachActivities", x => x.Id);
                    table.CheckConstraint("CK_OutreachActivities_Reach", "Reach >= 0");
                    table.ForeignKey(
                        name: "FK_OutreachActivities_ChamberBranches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "ChamberBranches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachActivities_PublicityRequests_PublicityRequestId",
                        column: x => x.PublicityRequestId,
                        principalTable: "PublicityRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachActivityCompanies",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachActivityCompanies", x => new { x.ActivityId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_OutreachActivityCompanies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachActivityCompanies_OutreachActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "OutreachActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutreachActivityMeasures",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachActivityMeasures", x => new { x.ActivityId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_OutreachActivityMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutreachActivityMeasures_OutreachActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "OutreachActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoSponsorshipRequests_EventDate",
                table: "CoSponsorshipRequests",
                column: "EventDate");

            migrationBuilder.CreateIndex(
                name: "IX_CoSponsorshipRequests_MeasureId",
                table: "CoSponsorshipRequests",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_CoSponsorshipRequests_RequestedByUserId_Status",
                table: "CoSponsorshipRequests",
                columns: new[] { "RequestedByUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_BranchCode_Date",
                table: "OutreachActivities",
                columns: new[] { "BranchCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_Date",
                table: "OutreachActivities",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_ImportKey",
                table: "OutreachActivities",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivities_PublicityRequestId",
                table: "OutreachActivities",
                column: "PublicityRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivityCompanies_CompanyId",
                table: "OutreachActivityCompanies",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachActivityMeasures_MeasureId",
                table: "OutreachActivityMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicityRequests_MeasureId",
                table: "PublicityRequests",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicityRequests_RequestedByUserId_Status",
                table: "PublicityRequests",
                columns: new[] { "RequestedByUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicityRequests_Status",
                table: "PublicityRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_BranchCode_MeasureId",
                table: "Referrals",
                columns: new[] { "BranchCode", "MeasureId" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_CompanyId_ConvertedAt",
                table: "Referrals",
                columns: new[] { "CompanyId", "ConvertedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_MeasureId",
                table: "Referrals",
                column: "MeasureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoSponsorshipRequests");

            migrationBuilder.DropTable(
                name: "OutreachActivityCompanies");

            migrationBuilder.DropTable(
                name: "OutreachActivityMeasures");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "OutreachActivities");

            migrationBuilder.DropTable(
                name: "PublicityRequests");
        }
    }
}
