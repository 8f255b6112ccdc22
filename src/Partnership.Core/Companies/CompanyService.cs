using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Mail;

namespace Partnership.Core.Companies;

public sealed record OpenInvitation(string Email, DateTime ExpiresAt);

/// <param name="IsChamberMember">Verified membership only (docs/adr/0083-verified-membership.md).</param>
public sealed record CompanyRow(int Id, string Name, string NameKana, string? CorporateNumber, string CityName, string IndustryCode, SizeBand SizeBand, bool IsChamberMember);

/// <summary>
/// The officials' and chamber staff's company search. <see cref="MemberBranchCode"/> limits chamber members to one branch's
/// (a branch manager's view, docs/adr/0087-branch-scope-and-manual-match.md).
/// </summary>
public sealed record CompanySearch(string? Text, string? MunicipalityCode, string? IndustryCode, SizeBand? SizeBand, bool ChamberMembersOnly, int? After, int PageSize = 50,
    string? MemberBranchCode = null);

/// <summary>Named queries over companies.</summary>
public static class CompanyQueries
{
    /// <summary>
    /// The verified Chamber members a chamber user sees: all of them, or the members of one branch for a branch manager
    /// (<paramref name="memberBranchCode"/>, from the roster entry that verifies each company).
    /// </summary>
    public static IQueryable<Company> VerifiedMembersVisibleTo(this IQueryable<Company> query, string? memberBranchCode) =>
        memberBranchCode is null ? query.Where(c => c.MembershipVerified) : query.Where(c => c.MembershipVerified && c.MemberBranchCode == memberBranchCode);
}

/// <summary>Companies, their members and invitations. Who may call what is checked by the caller's policy.</summary>
public sealed class CompanyService(
    IAppDbContext db, IMailOutbox outbox, ICompanyRecipients recipients, TimeProvider clock, IEnumerable<ICompanySavedFollower>? followers = null)
{
    private readonly IReadOnlyList<ICompanySavedFollower> _followers = followers?.ToList() ?? [];

    public const string EventCreated = "created";
    public const string EventProfileChanged = "profile-changed";
    public const string EventInvited = "invited";
    public const string EventJoined = "joined";
    public const string EventJoinRequested = "join-requested";
    public const string EventRemoved = "member-removed";
    public const string EventOwnerChanged = "owner-changed";

    /// <summary>Where the owner decides join requests.</summary>
    public const string JoinRequestsPath = "/company/join-requests";

    /// <summary>The user's membership with its company.</summary>
    public Task<Company?> FindAsync(int companyId, CancellationToken ct = default) =>
        db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, ct);

    /// <summary>The registered company with this 法人番号 (13 ASCII digits), if any.</summary>
    public Task<Company?> FindByCorporateNumberAsync(string corporateNumber, CancellationToken ct = default) =>
        db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.CorporateNumber == corporateNumber, ct);

    /// <summary>The invitations of a company not yet accepted, revoked or expired, oldest first.</summary>
    public async Task<List<OpenInvitation>> OpenInvitationsAsync(int companyId, DateTime now, CancellationToken ct = default) =>
        await db.CompanyInvitations.AsNoTracking()
            .Where(i => i.CompanyId == companyId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new OpenInvitation(i.Email, i.ExpiresAt))
            .ToListAsync(ct);

    /// <summary>The names of the companies, by id.</summary>
    public async Task<Dictionary<int, string>> NamesAsync(IReadOnlyCollection<int> companyIds, CancellationToken ct = default) =>
        await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    public Task<CompanyMember?> MembershipAsync(string userId, CancellationToken ct = default) =>
        db.CompanyMembers.AsNoTracking().Include(m => m.Company).SingleOrDefaultAsync(m => m.UserId == userId, ct);

    /// <summary>The user's membership alone, for actions that need only the company's id.</summary>
    public Task<CompanyMember?> MemberAsync(string userId, CancellationToken ct = default) =>
        db.CompanyMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, ct);

    public async Task<ProfileReference> ReferenceAsync(CancellationToken ct = default) => new(
        await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.NameJa, ct),
        await db.Industries.AsNoTracking().Select(i => i.Code).ToHashSetAsync(ct),
        await db.ChamberBranches.AsNoTracking().Select(b => b.Code).ToHashSetAsync(ct));

    /// <summary>Registers a company with the user as its owner. A corporate number can belong to one company only.</summary>
    public async Task<Outcome<int>> CreateAsync(string userId, CompanyProfileInput input, CancellationToken ct = default)
    {
        if (await db.CompanyMembers.AnyAsync(m => m.UserId == userId, ct))
        {
            return Outcome<int>.Conflict("Company.AlreadyMember");
        }
        var (profile, errors) = CompanyProfileRules.Validate(input, await ReferenceAsync(ct));
        if (profile is null)
        {
            return Outcome<int>.Invalid(errors);
        }
        if (profile.CorporateNumber is { } number && await db.Companies.AnyAsync(c => c.CorporateNumber == number, ct))
        {
            return Outcome<int>.Invalid(nameof(input.CorporateNumber), "Company.CorporateNumberTaken");
        }
        var company = new Company
        {
            Name = "", NameKana = "", PostalCode = "", Prefecture = "", CityName = "", Street = "", Phone = "", IndustryCode = "", ContactName = "",
        };
        profile.ApplyTo(company);
        var now = clock.GetUtcNow().UtcDateTime;
        company.Members.Add(new CompanyMember { UserId = userId, IsOwner = true, JoinedAt = now });
        db.Companies.Add(company);
        var created = Event(0, userId, EventCreated, null);
        created.Company = company;
        db.CompanyEvents.Add(created);
        await FollowAsync(company, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique indexes decided a race: the same corporate number (or the same user) registered a moment earlier.
            db.Entry(company).State = EntityState.Detached;
            db.Entry(created).State = EntityState.Detached;
            foreach (var member in company.Members)
            {
                db.Entry(member).State = EntityState.Detached;
            }
            return profile.CorporateNumber is not null
                ? Outcome<int>.Invalid(nameof(input.CorporateNumber), "Company.CorporateNumberTaken")
                : Outcome<int>.Conflict("Company.AlreadyMember");
        }
        return Outcome<int>.Ok(company.Id);
    }

    public async Task<Outcome<Guid>> UpdateProfileAsync(int companyId, string userId, CompanyProfileInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == companyId, ct);
        if (company is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var (profile, errors) = CompanyProfileRules.Validate(input, await ReferenceAsync(ct));
        if (profile is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (profile.CorporateNumber is { } number && await db.Companies.AnyAsync(c => c.Id != companyId && c.CorporateNumber == number, ct))
        {
            return Outcome<Guid>.Invalid(nameof(input.CorporateNumber), "Company.CorporateNumberTaken");
        }
        if (company.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Company.ChangedMeanwhile");
        }
        db.Entry(company).Property(c => c.Version).OriginalValue = expectedVersion;
        profile.ApplyTo(company);
        db.CompanyEvents.Add(Event(companyId, userId, EventProfileChanged, null));
        await FollowAsync(company, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Company.ChangedMeanwhile");
        }
        catch (DbUpdateException)
        {
            return Outcome<Guid>.Invalid(nameof(input.CorporateNumber), "Company.CorporateNumberTaken");
        }
        return Outcome<Guid>.Ok(company.Version);
    }

    /// <summary>
    /// Invites a co-worker by e-mail. The mail and the invitation are saved together. Returns the token for the
    /// link; only its hash is stored.
    /// </summary>
    public async Task<Outcome<string>> InviteAsync(int companyId, string ownerUserId, string email, Func<string, MailContent> mail, CancellationToken ct = default)
    {
        email = email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.CompanyInvitations.Where(i => i.CompanyId == companyId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct);
        if (open.Any(i => i.IsOpenAt(now) && string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            return Outcome<string>.Invalid("Email", "Company.AlreadyInvited");
        }
        var token = NewToken();
        db.CompanyInvitations.Add(new CompanyInvitation
        {
            CompanyId = companyId,
            Email = email,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + CompanyInvitation.ValidFor,
            InvitedByUserId = ownerUserId,
        });
        var content = mail(token);
        outbox.Enqueue(email, content.Subject, content.Body);
        db.CompanyEvents.Add(Event(companyId, ownerUserId, EventInvited, email));
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(token);
    }

    public async Task<CompanyInvitation?> FindOpenInvitationAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var invitation = await db.CompanyInvitations.AsNoTracking().Include(i => i.Company).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>
    /// A person without a company asks to join the registered company with this 法人番号 (from the business ID
    /// provider's claims, never from a form). Asking twice keeps the one open request. The owner learns of a new
    /// request by a mail (<paramref name="mail"/>, in the owner's language) and a notice linking to
    /// <see cref="JoinRequestsPath"/>, saved with the request.
    /// </summary>
    public async Task<Outcome<int>> RequestToJoinAsync(string userId, string corporateNumber, Func<Recipient, string, MailContent> mail, CancellationToken ct = default)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.CorporateNumber == corporateNumber, ct);
        if (company is null)
        {
            return Outcome<int>.NotFound();
        }
        if (await db.CompanyMembers.AnyAsync(m => m.UserId == userId, ct))
        {
            return Outcome<int>.Conflict("Company.AlreadyMember");
        }
        var open = await db.CompanyJoinRequests.FirstOrDefaultAsync(r => r.UserId == userId && r.CompanyId == company.Id && r.DecidedAt == null, ct);
        if (open is not null)
        {
            return Outcome<int>.Ok(open.Id);
        }
        var request = new CompanyJoinRequest { CompanyId = company.Id, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.CompanyJoinRequests.Add(request);
        db.CompanyEvents.Add(Event(company.Id, userId, EventJoinRequested, null));
        foreach (var owner in await recipients.OwnersAsync(company.Id, ct))
        {
            var content = mail(owner, company.Name);
            outbox.Enqueue(owner.Email, content.Subject, content.Body, JoinRequestsPath, owner.UserId);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(request.Id);
    }

    /// <summary>Whether the person has an undecided request to join the company with this 法人番号.</summary>
    public Task<bool> HasOpenJoinRequestAsync(string userId, CancellationToken ct = default) =>
        db.CompanyJoinRequests.AnyAsync(r => r.UserId == userId && r.DecidedAt == null, ct);

    /// <summary>The company's undecided join requests, oldest first.</summary>
    public Task<List<CompanyJoinRequest>> OpenJoinRequestsAsync(int companyId, CancellationToken ct = default) =>
        db.CompanyJoinRequests.AsNoTracking().Where(r => r.CompanyId == companyId && r.DecidedAt == null).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>The owner approves (the person becomes a member) or declines an open request of their own company.</summary>
    public async Task<Outcome<int>> DecideJoinRequestAsync(int companyId, string ownerUserId, int requestId, bool approve, CancellationToken ct = default)
    {
        var request = await db.CompanyJoinRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.CompanyId == companyId && r.DecidedAt == null, ct);
        if (request is null || !await db.CompanyMembers.AnyAsync(m => m.CompanyId == companyId && m.UserId == ownerUserId && m.IsOwner, ct))
        {
            return Outcome<int>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        request.DecidedAt = now;
        request.DecidedByUserId = ownerUserId;
        request.Approved = approve;
        if (approve)
        {
            if (await db.CompanyMembers.AnyAsync(m => m.UserId == request.UserId, ct))
            {
                return Outcome<int>.Conflict("Company.AlreadyMember");
            }
            db.CompanyMembers.Add(new CompanyMember { CompanyId = companyId, UserId = request.UserId, JoinedAt = now });
            db.CompanyEvents.Add(Event(companyId, request.UserId, EventJoined, null));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<int>.Conflict("Company.AlreadyMember");
        }
        return Outcome<int>.Ok(request.Id);
    }

    /// <summary>The invited person joins: the invitation must be open, addressed to them, and they must have no company yet.</summary>
    public async Task<Outcome<int>> AcceptInvitationAsync(string token, string userId, string userEmail, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var invitation = await db.CompanyInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation is null || !invitation.IsOpenAt(now))
        {
            return Outcome<int>.NotFound();
        }
        if (!string.Equals(invitation.Email, userEmail, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<int>.Conflict("Company.InvitationForSomeoneElse");
        }
        if (await db.CompanyMembers.AnyAsync(m => m.UserId == userId, ct))
        {
            return Outcome<int>.Conflict("Company.AlreadyMember");
        }
        invitation.AcceptedAt = now;
        invitation.AcceptedByUserId = userId;
        db.CompanyMembers.Add(new CompanyMember { CompanyId = invitation.CompanyId, UserId = userId, JoinedAt = now });
        db.CompanyEvents.Add(Event(invitation.CompanyId, userId, EventJoined, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<int>.Conflict("Company.AlreadyMember");
        }
        return Outcome<int>.Ok(invitation.CompanyId);
    }

    /// <summary>The owner removes a co-worker. The owner cannot remove themselves (hand over ownership first).</summary>
    public async Task<Outcome<int>> RemoveMemberAsync(int companyId, string ownerUserId, int memberId, CancellationToken ct = default)
    {
        var member = await db.CompanyMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CompanyId == companyId, ct);
        if (member is null)
        {
            return Outcome<int>.NotFound();
        }
        if (member.IsOwner)
        {
            return Outcome<int>.Conflict("Company.CannotRemoveOwner");
        }
        db.CompanyMembers.Remove(member);
        db.CompanyEvents.Add(Event(companyId, ownerUserId, EventRemoved, member.UserId));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(memberId);
    }

    /// <summary>The owner hands ownership to a co-worker; there is always exactly one owner.</summary>
    public async Task<Outcome<int>> TransferOwnershipAsync(int companyId, string ownerUserId, int memberId, CancellationToken ct = default)
    {
        var members = await db.CompanyMembers.Where(m => m.CompanyId == companyId).ToListAsync(ct);
        var next = members.SingleOrDefault(m => m.Id == memberId);
        var current = members.SingleOrDefault(m => m.UserId == ownerUserId && m.IsOwner);
        if (next is null || current is null)
        {
            return Outcome<int>.NotFound();
        }
        if (next.IsOwner)
        {
            return Outcome<int>.Conflict("Company.AlreadyOwner");
        }
        current.IsOwner = false;
        next.IsOwner = true;
        db.CompanyEvents.Add(Event(companyId, ownerUserId, EventOwnerChanged, next.UserId));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(memberId);
    }

    /// <summary>Officials' search: filters on indexed columns, keyset paging by id so page 2,000 costs what page 1 does.</summary>
    public async Task<List<CompanyRow>> SearchAsync(CompanySearch search, CancellationToken ct = default)
    {
        var query = db.Companies.AsNoTracking();
        if (search.ChamberMembersOnly)
        {
            query = query.VerifiedMembersVisibleTo(search.MemberBranchCode);
        }
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var digits = Companies.CorporateNumber.Normalize(text);
            var kana = JapaneseInput.ToFullWidthKatakana(text);
            query = digits.Length == 13 && digits.All(char.IsAsciiDigit)
                ? query.Where(c => c.CorporateNumber == digits)
                : query.Where(c => c.Name.Contains(text) || c.NameKana.StartsWith(kana));
        }
        if (!string.IsNullOrEmpty(search.MunicipalityCode))
        {
            query = query.Where(c => c.MunicipalityCode == search.MunicipalityCode);
        }
        if (!string.IsNullOrEmpty(search.IndustryCode))
        {
            query = query.Where(c => c.IndustryCode == search.IndustryCode);
        }
        if (search.SizeBand is { } band)
        {
            query = query.Where(c => c.SizeBand == band);
        }
        if (search.After is int after)
        {
            query = query.Where(c => c.Id > after);
        }
        return await query.OrderBy(c => c.Id).Take(Math.Clamp(search.PageSize, 1, 200))
            .Select(c => new CompanyRow(c.Id, c.Name, c.NameKana, c.CorporateNumber, c.CityName, c.IndustryCode, c.SizeBand, c.MembershipVerified))
            .ToListAsync(ct);
    }

    private async Task FollowAsync(Company company, CancellationToken ct)
    {
        foreach (var follower in _followers)
        {
            await follower.BeforeSaveAsync(company, ct);
        }
    }

    public Task<List<CompanyEvent>> HistoryAsync(int companyId, CancellationToken ct = default) =>
        db.CompanyEvents.AsNoTracking().Where(e => e.CompanyId == companyId).OrderByDescending(e => e.Id).Take(200).ToListAsync(ct);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A random one-time token for a link (32 bytes, URL-safe); only its hash is stored.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private CompanyEvent Event(int companyId, string? userId, string action, string? detail) =>
        new() { CompanyId = companyId, At = clock.GetUtcNow().UtcDateTime, UserId = userId, Action = action, Detail = detail };
}
