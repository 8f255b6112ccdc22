using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DashboardStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardStamps");
        }
    }
}
