using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.Migrations.PostgreSql.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Schemes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Measures",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Events",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ConsultationDesks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LibraryArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MeasureKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SummaryJa = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BodyJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    BodyEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureOfflineNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeasureKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NoteJa = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NoteEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureOfflineNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureServiceLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeasureKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
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
        
            // The site search's pg_trgm indexes over the normalised column (docs/adr/0076-search.md).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Events_SearchText_trgm\" ON \"Events\" USING gin (\"SearchText\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_LibraryArticles_SearchText_trgm\" ON \"LibraryArticles\" USING gin (\"SearchText\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Measures_SearchText_trgm\" ON \"Measures\" USING gin (\"SearchText\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The site search's pg_trgm indexes over the normalised column (docs/adr/0076-search.md).
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Events_SearchText_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_LibraryArticles_SearchText_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Measures_SearchText_trgm\";");

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
