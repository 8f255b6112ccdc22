using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlanServicesAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "SubsidyPrograms",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Schemes",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Measures",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Events",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ConsultationDesks",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LibraryArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    MeasureKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TitleJa = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SummaryJa = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    BodyJa = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    BodyEn = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureOfflineNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeasureKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NoteJa = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    NoteEn = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureOfflineNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureServiceLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeasureKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ServiceCode = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureServiceLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryArticles_Code",
                table: "LibraryArticles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryArticles_MeasureKey_PublishedOn",
                table: "LibraryArticles",
                columns: new[] { "MeasureKey", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureOfflineNotes_MeasureKey",
                table: "MeasureOfflineNotes",
                column: "MeasureKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureServiceLinks_MeasureKey_Kind_ServiceCode",
                table: "MeasureServiceLinks",
                columns: new[] { "MeasureKey", "Kind", "ServiceCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryArticles");

            migrationBuilder.DropTable(
                name: "MeasureOfflineNotes");

            migrationBuilder.DropTable(
                name: "MeasureServiceLinks");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "SubsidyPrograms");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Schemes");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "ConsultationDesks");
        }
    }
}
