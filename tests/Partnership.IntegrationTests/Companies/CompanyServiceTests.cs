using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnership.Core.Companies;
using Partnership.Core.Common;
using Partnership.Core.Mail;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.Infrastructure.Mail;
using Partnership.Infrastructure.Seeding;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Companies;

public class CompanyServiceTests : DatabaseTest
{

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        await new ReferenceDataSeeder(db).SeedAsync();
        for (var i = 1; i <= 4; i++)
        {
            db.Users.Add(new AppUser { Id = $"user-{i}", UserName = $"u{i}@example.jp", Email = $"u{i}@example.jp", DisplayName = $"User {i}" });
        }
        await db.SaveChangesAsync();
    }

    public static CompanyProfileInput Profile(string corporateNumber = "8000020130001", string name = "東京商事株式会社") => new(
        name, "ﾄｳｷｮｳｼｮｳｼﾞ", false, corporateNumber, "１６３－８００１", "東京都", "131041", null, "西新宿2-8-1", "03-5320-1234",
        "I", SmeCategory.Wholesale, "10,000,000", "３０", true, "123", "13104", "東京 太郎", "総務部");

    private CompanyService Service(AppDbContext db) => new(db, new MailOutbox(db, Clock), new Partnership.Infrastructure.Identity.CompanyRecipients(db), Clock);

    [Fact]
    public async Task A_company_is_registered_with_normalised_input_its_size_and_its_owner()
    {
        await using var db = Database.CreateContext(TestDatabase.User("user-1"), Clock);
        var outcome = await Service(db).CreateAsync("user-1", Profile());
        Assert.True(outcome.Succeeded, string.Join(",", outcome.Errors.Select(e => e.Code)));

        await using var check = Database.CreateContext();
        var company = await check.Companies.Include(c => c.Members).SingleAsync();
        Assert.Equal("トウキョウショウジ", company.NameKana);
        Assert.Equal("163-8001", company.PostalCode);
        Assert.Equal("新宿区", company.CityName);
        Assert.Equal(10_000_000, company.CapitalYen);
        Assert.Equal(30, company.RegularEmployees);
        Assert.True(company.IsSme);
        Assert.Equal(SizeBand.Sme, company.SizeBand);
        Assert.True(Assert.Single(company.Members).IsOwner);
        Assert.Equal("user-1", company.CreatedBy);
        Assert.Equal(CompanyService.EventCreated, (await check.CompanyEvents.SingleAsync()).Action);
    }

    [Fact]
    public async Task Two_simultaneous_registrations_of_one_corporate_number_make_one_company_and_one_clear_refusal()
    {
        // Both requests pass the "already registered?" check before either saves: the unique index decides.
        var start = new TaskCompletionSource();
        async Task<Outcome<int>> Register(string user)
        {
            await using var db = Database.CreateContext(TestDatabase.User(user), Clock);
            await start.Task;
            return await Service(db).CreateAsync(user, Profile());
        }
        var first = Task.Run(() => Register("user-1"));
        var second = Task.Run(() => Register("user-2"));
        start.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        Assert.Single(outcomes, o => o.Succeeded);
        var refused = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(("CorporateNumber", "Company.CorporateNumberTaken"), (refused.Errors[0].Field, refused.Errors[0].Code));
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.Companies.CountAsync());
        Assert.Equal(1, await check.CompanyMembers.CountAsync());
    }

    [Fact]
    public async Task Sole_proprietors_without_a_number_can_all_register()
    {
        await using var db = Database.CreateContext(TestDatabase.User("user-1"), Clock);
        var sole = Profile("") with { IsSoleProprietor = true, CapitalYen = "" };
        Assert.True((await Service(db).CreateAsync("user-1", sole)).Succeeded);
        Assert.True((await Service(db).CreateAsync("user-2", sole with { Name = "二人目の屋号" })).Succeeded);
        Assert.Equal(2, await db.Companies.CountAsync(c => c.CorporateNumber == null));
    }

    [Fact]
    public async Task An_invitation_is_mailed_with_its_change_accepted_once_by_the_invited_address_only()
    {
        int companyId;
        string token;
        await using (var db = Database.CreateContext(TestDatabase.User("user-1"), Clock))
        {
            var service = Service(db);
            companyId = (await service.CreateAsync("user-1", Profile())).Value;
            token = (await service.InviteAsync(companyId, "user-1", "u2@example.jp", t => new MailContent("招待", $"/invitations/{t}"))).Value!;
        }
        await using (var db = Database.CreateContext())
        {
            var mail = await db.OutboxMessages.SingleAsync();
            Assert.Equal("u2@example.jp", mail.To);
            Assert.Contains(token, mail.BodyText);
            Assert.DoesNotContain(token, (await db.CompanyInvitations.SingleAsync()).TokenHash);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("user-3"), Clock))
        {
            var wrongPerson = await Service(db).AcceptInvitationAsync(token, "user-3", "u3@example.jp");
            Assert.Equal("Company.InvitationForSomeoneElse", wrongPerson.Errors[0].Code);
        }
        await using (var db = Database.CreateContext(TestDatabase.User("user-2"), Clock))
        {
            Assert.True((await Service(db).AcceptInvitationAsync(token, "user-2", "U2@example.jp")).Succeeded);
            Assert.Equal(OutcomeStatus.NotFound, (await Service(db).AcceptInvitationAsync(token, "user-2", "u2@example.jp")).Status);
        }
        await using var check = Database.CreateContext();
        Assert.Equal(2, await check.CompanyMembers.CountAsync(m => m.CompanyId == companyId));
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        await using var db = Database.CreateContext(TestDatabase.User("user-1"), Clock);
        var service = Service(db);
        var companyId = (await service.CreateAsync("user-1", Profile())).Value;
        var token = (await service.InviteAsync(companyId, "user-1", "u2@example.jp", t => new MailContent("s", t))).Value!;
        Clock.Advance(CompanyInvitation.ValidFor + TimeSpan.FromSeconds(1));
        Assert.Null(await service.FindOpenInvitationAsync(token));
        Assert.Equal(OutcomeStatus.NotFound, (await service.AcceptInvitationAsync(token, "user-2", "u2@example.jp")).Status);
    }

    [Fact]
    public async Task Ownership_moves_to_a_co_worker_and_the_owner_cannot_be_removed()
    {
        await using var db = Database.CreateContext(TestDatabase.User("user-1"), Clock);
        var service = Service(db);
        var companyId = (await service.CreateAsync("user-1", Profile())).Value;
        db.CompanyMembers.Add(new CompanyMember { CompanyId = companyId, UserId = "user-2", JoinedAt = Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        var ownerId = await db.CompanyMembers.Where(m => m.UserId == "user-1").Select(m => m.Id).SingleAsync();
        var coWorkerId = await db.CompanyMembers.Where(m => m.UserId == "user-2").Select(m => m.Id).SingleAsync();

        Assert.Equal("Company.CannotRemoveOwner", (await service.RemoveMemberAsync(companyId, "user-1", ownerId)).Errors[0].Code);
        Assert.True((await service.TransferOwnershipAsync(companyId, "user-1", coWorkerId)).Succeeded);
        Assert.Equal(["user-2"], await db.CompanyMembers.Where(m => m.IsOwner).Select(m => m.UserId).ToListAsync());
        // A member id of another company is not found from this company.
        Assert.Equal(OutcomeStatus.NotFound, (await service.RemoveMemberAsync(companyId + 1, "user-2", ownerId)).Status);
    }

    [Fact]
    public async Task The_search_pages_by_id_and_filters_on_municipality_industry_size_and_number()
    {
        await using var db = Database.CreateContext(TestDatabase.User("user-1"), Clock);
        var service = Service(db);
        var numbers = new[] { "8000020130001", "2000012010019", "4000020130001" };
        Assert.True((await service.CreateAsync("user-1", Profile(numbers[0]))).Succeeded);
        Assert.True((await service.CreateAsync("user-2", Profile(numbers[1], "立川製作所") with { NameKana = "タチカワセイサクショ", MunicipalityCode = "132021", IndustryCode = "E", SmeCategory = SmeCategory.ManufacturingAndOther, CapitalYen = "900000000", RegularEmployees = "900" })).Succeeded);

        Assert.Single(await service.SearchAsync(new CompanySearch(null, "132021", null, null, false, null)));
        Assert.Single(await service.SearchAsync(new CompanySearch(null, null, null, SizeBand.Large, false, null)));
        Assert.Single(await service.SearchAsync(new CompanySearch("２０００－０１２０１００１９", null, null, null, false, null)));
        Assert.Single(await service.SearchAsync(new CompanySearch("ﾄｳｷｮｳ", null, null, null, false, null)));
        var page1 = await service.SearchAsync(new CompanySearch(null, null, null, null, false, null, PageSize: 1));
        var page2 = await service.SearchAsync(new CompanySearch(null, null, null, null, false, page1[0].Id, PageSize: 1));
        Assert.NotEqual(page1[0].Id, page2[0].Id);
    }
}
