using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReferralRosterMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "RosterMembers",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CompanyId",
                table: "Referrals",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<bool>(
                name: "AlreadyTakenUp",
                table: "Referrals",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttachedAt",
                table: "Referrals",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Referrals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConvertedService",
                table: "Referrals",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MailQueued",
                table: "Referrals",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RosterMemberId",
                table: "Referrals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MembershipVerified",
                table: "Companies",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_RosterMemberId_CompanyId",
                table: "Referrals",
                columns: new[] { "RosterMemberId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_MembershipVerified",
                table: "Companies",
                column: "MembershipVerified");

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_RosterMembers_RosterMemberId",
                table: "Referrals",
                column: "RosterMemberId",
                principalTable: "RosterMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Companies whose 法人番号 is already in the roster are verified members from now on (docs/adr/0083).
            migrationBuilder.Sql("UPDATE [Companies] SET [MembershipVerified] = 1 WHERE [CorporateNumber] IN (SELECT [CorporateNumber] FROM [RosterMembers] WHERE [Status] = 0 AND [CorporateNumber] IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_RosterMembers_RosterMemberId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_RosterMemberId_CompanyId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Companies_MembershipVerified",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "RosterMembers");

            migrationBuilder.DropColumn(
                name: "AlreadyTakenUp",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AttachedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ConvertedService",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "MailQueued",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "RosterMemberId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "MembershipVerified",
                table: "Companies");

            migrationBuilder.AlterColumn<int>(
                name: "CompanyId",
                table: "Referrals",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
