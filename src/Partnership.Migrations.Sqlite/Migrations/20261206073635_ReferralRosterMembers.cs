using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 256,
                nullable: true);


            migrationBuilder.AddColumn<bool>(
                name: "AlreadyTakenUp",
                table: "Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AttachedAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConvertedService",
                table: "Referrals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MailQueued",
                table: "Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RosterMemberId",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MembershipVerified",
                table: "Companies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);


            migrationBuilder.CreateIndex(
                name: "IX_Companies_MembershipVerified",
                table: "Companies",
                column: "MembershipVerified");


            // Companies whose 法人番号 is already in the roster are verified members from now on (docs/adr/0083).
            migrationBuilder.Sql("UPDATE \"Companies\" SET \"MembershipVerified\" = 1 WHERE \"CorporateNumber\" IN (SELECT \"CorporateNumber\" FROM \"RosterMembers\" WHERE \"Status\" = 0 AND \"CorporateNumber\" IS NOT NULL);");

            // CompanyId becomes nullable and a foreign key is added: SQLite needs the table rebuilt. EF's own rebuild turns
            // foreign keys off with a PRAGMA, which cannot run inside the migration's transaction (MigrationTests); this one
            // defers the foreign key checks to the commit instead.
            migrationBuilder.Sql(@"PRAGMA defer_foreign_keys = ON;");
            migrationBuilder.Sql(@"CREATE TABLE ""ef_temp_Referrals"" (
    ""Id"" INTEGER NOT NULL CONSTRAINT ""PK_Referrals"" PRIMARY KEY AUTOINCREMENT,
    ""AlreadyTakenUp"" INTEGER NOT NULL,
    ""AttachedAt"" TEXT NULL,
    ""BranchCode"" TEXT NOT NULL,
    ""Channel"" INTEGER NULL,
    ""CompanyId"" INTEGER NULL,
    ""ConvertedAt"" TEXT NULL,
    ""ConvertedBy"" INTEGER NULL,
    ""ConvertedService"" TEXT NULL,
    ""CreatedAt"" TEXT NOT NULL,
    ""CreatedBy"" TEXT NULL,
    ""MailQueued"" INTEGER NOT NULL,
    ""MeasureId"" INTEGER NOT NULL,
    ""Note"" TEXT NOT NULL,
    ""ReferredAt"" TEXT NOT NULL,
    ""ReferredByUserId"" TEXT NOT NULL,
    ""RosterMemberId"" INTEGER NULL,
    ""UpdatedAt"" TEXT NOT NULL,
    ""UpdatedBy"" TEXT NULL,
    ""Version"" TEXT NOT NULL,
    CONSTRAINT ""FK_Referrals_ChamberBranches_BranchCode"" FOREIGN KEY (""BranchCode"") REFERENCES ""ChamberBranches"" (""Code"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Referrals_Companies_CompanyId"" FOREIGN KEY (""CompanyId"") REFERENCES ""Companies"" (""Id"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Referrals_Measures_MeasureId"" FOREIGN KEY (""MeasureId"") REFERENCES ""Measures"" (""Id"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Referrals_RosterMembers_RosterMemberId"" FOREIGN KEY (""RosterMemberId"") REFERENCES ""RosterMembers"" (""Id"") ON DELETE RESTRICT
);

INSERT INTO ""ef_temp_Referrals"" (""Id"", ""AlreadyTakenUp"", ""AttachedAt"", ""BranchCode"", ""Channel"", ""CompanyId"", ""ConvertedAt"", ""ConvertedBy"", ""ConvertedService"", ""CreatedAt"", ""CreatedBy"", ""MailQueued"", ""MeasureId"", ""Note"", ""ReferredAt"", ""ReferredByUserId"", ""RosterMemberId"", ""UpdatedAt"", ""UpdatedBy"", ""Version"")
SELECT ""Id"", ""AlreadyTakenUp"", ""AttachedAt"", ""BranchCode"", ""Channel"", ""CompanyId"", ""ConvertedAt"", ""ConvertedBy"", ""ConvertedService"", ""CreatedAt"", ""CreatedBy"", ""MailQueued"", ""MeasureId"", ""Note"", ""ReferredAt"", ""ReferredByUserId"", ""RosterMemberId"", ""UpdatedAt"", ""UpdatedBy"", ""Version""
FROM ""Referrals"";");
            migrationBuilder.Sql(@"DROP TABLE ""Referrals"";");
            migrationBuilder.Sql(@"ALTER TABLE ""ef_temp_Referrals"" RENAME TO ""Referrals"";");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Referrals_BranchCode_MeasureId"" ON ""Referrals"" (""BranchCode"", ""MeasureId"");");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Referrals_CompanyId_ConvertedAt"" ON ""Referrals"" (""CompanyId"", ""ConvertedAt"");");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Referrals_MeasureId"" ON ""Referrals"" (""MeasureId"");");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Referrals_ReferredAt"" ON ""Referrals"" (""ReferredAt"");");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Referrals_RosterMemberId_CompanyId"" ON ""Referrals"" (""RosterMemberId"", ""CompanyId"");");
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
