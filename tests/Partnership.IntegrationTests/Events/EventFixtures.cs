using Microsoft.EntityFrameworkCore;
using Partnership.Core.Companies;
using Partnership.Core.Consultations;
using Partnership.Core.Events;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Events;

/// <summary>Mail written plainly, so tests can read who was told what.</summary>
public sealed class PlainMail : IEventMail, IConsultationMail
{
    public MailContent Promoted(PartnershipEvent e, EventRegistration registration) =>
        new($"promoted: {e.TitleJa}", $"{registration.ParticipantName} moved up");

    public MailContent StatusChanged(ConsultationRequest request, ConsultationAction action) =>
        new($"{action}: {request.ReceiptNumber}", request.DeclineReason ?? "");
}

/// <summary>A database test that starts with the two companies of <see cref="Seed.CompaniesAsync"/>.</summary>
public abstract class TwoCompaniesTest : DatabaseTest
{
    protected int CompanyA { get; private set; }

    protected int CompanyB { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        (CompanyA, CompanyB) = await Seed.CompaniesAsync(db);
    }
}

public static class Seed
{
    /// <summary>Reference data, two users and two companies (one each), for registration and request tests.</summary>
    public static async Task<(int CompanyA, int CompanyB)> CompaniesAsync(AppDbContext db)
    {
        await new ReferenceDataSeeder(db).SeedAsync();
        await new ConsultationDeskSeeder(db).SeedAsync();
        int Add(string user, string name, string number)
        {
            db.Users.Add(new AppUser { Id = user, UserName = $"{user}@example.jp", Email = $"{user}@example.jp", DisplayName = user });
            var company = new Company
            {
                Name = name, NameKana = "テスト", CorporateNumber = number, PostalCode = "163-8001", Prefecture = "東京都", MunicipalityCode = "131041",
                CityName = "新宿区", Street = "西新宿2-8-1", Phone = "03-5320-0001", IndustryCode = "I", SmeCategory = SmeCategory.Wholesale,
                CapitalYen = 10_000_000, RegularEmployees = 10, ContactName = "東京 太郎",
            };
            company.Members.Add(new CompanyMember { UserId = user, IsOwner = true });
            db.Companies.Add(company);
            db.SaveChanges();
            return company.Id;
        }
        var a = Add("owner-a", "甲商事株式会社", "8000020130001");
        var b = Add("owner-b", "乙工業株式会社", "8000020130002");
        db.Users.Add(new AppUser { Id = "expert-1", UserName = "expert1@example.jp", Email = "expert1@example.jp", DisplayName = "専門家" });
        await db.SaveChangesAsync();
        return (a, b);
    }

    public static async Task<int> EventAsync(AppDbContext db, DateTime nowUtc, int capacity, int opensInDays = -1)
    {
        var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M04").Select(m => m.Id).SingleAsync();
        var e = new PartnershipEvent
        {
            MeasureId = measureId, Organiser = OrganiserSide.Metro, TitleJa = "テレワーク体験セミナー", Venue = "都庁",
            StartsAt = nowUtc.AddDays(10), EndsAt = nowUtc.AddDays(10).AddHours(2), Capacity = capacity,
            RegistrationOpensAt = nowUtc.AddDays(opensInDays), RegistrationClosesAt = nowUtc.AddDays(9),
        };
        db.PartnershipEvents.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }
}
