using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RosterMemberRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RosterMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MemberNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CorporateNumber = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameKana = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameFolded = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    KanaFolded = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    BranchCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterMembers_ChamberBranches_BranchCode",
                        column: x => x.BranchCode,
                        principalTable: "ChamberBranches",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_BranchCode_Status",
                table: "RosterMembers",
                columns: new[] { "BranchCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_CorporateNumber_Status",
                table: "RosterMembers",
                columns: new[] { "CorporateNumber", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_MemberNumber",
                table: "RosterMembers",
                column: "MemberNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RosterMembers");
        }
    }
}
