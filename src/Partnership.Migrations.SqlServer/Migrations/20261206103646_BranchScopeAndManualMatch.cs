using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BranchScopeAndManualMatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MatchedAt",
                table: "RosterMembers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MatchedCompanyId",
                table: "RosterMembers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MemberBranchCode",
                table: "Companies",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterMembers_MatchedCompanyId",
                table: "RosterMembers",
                column: "MatchedCompanyId",
                unique: true,
                filter: "[MatchedCompanyId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_MemberBranchCode",
                table: "Companies",
                column: "MemberBranchCode");


            // The branch of every verified company from its roster entry (docs/adr/0087); kept by the code from now on.
            migrationBuilder.Sql(
                "UPDATE [Companies] SET [MemberBranchCode] = (SELECT TOP 1 r.[BranchCode] FROM [RosterMembers] r WHERE r.[Status] = 0 AND r.[CorporateNumber] = [Companies].[CorporateNumber] ORDER BY r.[Id]) WHERE [MembershipVerified] = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RosterMembers_MatchedCompanyId",
                table: "RosterMembers");

            migrationBuilder.DropIndex(
                name: "IX_Companies_MemberBranchCode",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "MatchedAt",
                table: "RosterMembers");

            migrationBuilder.DropColumn(
                name: "MatchedCompanyId",
                table: "RosterMembers");

            migrationBuilder.DropColumn(
                name: "MemberBranchCode",
                table: "Companies");
        }
    }
}
