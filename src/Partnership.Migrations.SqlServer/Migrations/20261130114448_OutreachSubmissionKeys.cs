using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutreachSubmissionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "PublicityRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionKey",
                table: "MemberSupportCases",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicityRequests_SubmissionKey",
                table: "PublicityRequests",
                column: "SubmissionKey",
                unique: true,
                filter: "[SubmissionKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MemberSupportCases_SubmissionKey",
                table: "MemberSupportCases",
                column: "SubmissionKey",
                unique: true,
                filter: "[SubmissionKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublicityRequests_SubmissionKey",
                table: "PublicityRequests");

            migrationBuilder.DropIndex(
                name: "IX_MemberSupportCases_SubmissionKey",
                table: "MemberSupportCases");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "PublicityRequests");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "MemberSupportCases");
        }
    }
}
