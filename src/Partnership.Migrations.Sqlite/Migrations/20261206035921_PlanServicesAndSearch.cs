using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Schemes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Measures",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Events",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ConsultationDesks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LibraryArticles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MeasureKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryJa = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BodyJa = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureOfflineNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NoteJa = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureOfflineNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeasureServiceLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
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
        
            // The site search's FTS5 trigram index over the normalised column (docs/adr/0076-search.md).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"EventsSearch\" USING fts5(\"SearchText\", content='Events', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("CREATE TRIGGER \"EventsSearch_ai\" AFTER INSERT ON \"Events\" BEGIN INSERT INTO \"EventsSearch\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"EventsSearch_ad\" AFTER DELETE ON \"Events\" BEGIN INSERT INTO \"EventsSearch\"(\"EventsSearch\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"EventsSearch_au\" AFTER UPDATE OF \"SearchText\" ON \"Events\" BEGIN INSERT INTO \"EventsSearch\"(\"EventsSearch\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); INSERT INTO \"EventsSearch\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END;");
            migrationBuilder.Sql("INSERT INTO \"EventsSearch\"(\"EventsSearch\") VALUES ('rebuild');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"LibraryArticlesSearch\" USING fts5(\"SearchText\", content='LibraryArticles', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("CREATE TRIGGER \"LibraryArticlesSearch_ai\" AFTER INSERT ON \"LibraryArticles\" BEGIN INSERT INTO \"LibraryArticlesSearch\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"LibraryArticlesSearch_ad\" AFTER DELETE ON \"LibraryArticles\" BEGIN INSERT INTO \"LibraryArticlesSearch\"(\"LibraryArticlesSearch\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"LibraryArticlesSearch_au\" AFTER UPDATE OF \"SearchText\" ON \"LibraryArticles\" BEGIN INSERT INTO \"LibraryArticlesSearch\"(\"LibraryArticlesSearch\", rowid, \"SearchText\") VALUES ('delete', old.\"Id\", old.\"SearchText\"); INSERT INTO \"LibraryArticlesSearch\"(rowid, \"SearchText\") VALUES (new.\"Id\", new.\"SearchText\"); END;");
            migrationBuilder.Sql("INSERT INTO \"LibraryArticlesSearch\"(\"LibraryArticlesSearch\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The site search's FTS5 trigram index over the normalised column (docs/adr/0076-search.md).
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"EventsSearch_ai\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"EventsSearch_ad\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"EventsSearch_au\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"EventsSearch\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"LibraryArticlesSearch_ai\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"LibraryArticlesSearch_ad\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"LibraryArticlesSearch_au\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"LibraryArticlesSearch\";");

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
