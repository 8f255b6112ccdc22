using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptInOneStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastReceiptAt",
                table: "SubsidyWindows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpPending",
                table: "SubsidyApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyApplications_FollowUpPending",
                table: "SubsidyApplications",
                column: "FollowUpPending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubsidyApplications_FollowUpPending",
                table: "SubsidyApplications");

            migrationBuilder.DropColumn(
                name: "LastReceiptAt",
                table: "SubsidyWindows");

            migrationBuilder.DropColumn(
                name: "FollowUpPending",
                table: "SubsidyApplications");
        }
    }
}
