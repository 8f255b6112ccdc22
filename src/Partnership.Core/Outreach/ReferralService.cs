using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Members;

namespace Partnership.Core.Outreach;

/// <summary>
/// From and To are Japan-time days of the referral, both included. <see cref="Scope"/>: the members the reader sees
/// (a branch manager's branch, docs/adr/0087); a referral to a member outside it is not in the list, its summary or its funnel.
/// </summary>
public sealed record ReferralFilter(string? BranchCode, int? MeasureId, bool? Converted, DateOnly? From = null, DateOnly? To = null, MemberScope? Scope = null,
    ReferralRegistration? Registration = null);

/// <summary>
/// Where a referral's company stands on the portal relative to the referral (the funnel's rows, docs/adr/0084):
/// registered before it, not registered at the time (waiting or registered since), registered after it, or registered either way.
/// </summary>
public enum ReferralRegistration
{
    /// <summary>The company was on the portal when it was referred (<c>CompanyId</c> set at once, never attached later).</summary>
    Before,

    /// <summary>Not on the portal when referred: waiting for the member to register, or registered since.</summary>
    NotBefore,

    /// <summary>Registered after the referral (attached at registration or by a match by hand).</summary>
    After,

    /// <summary>On the portal now, before or after the referral.</summary>
    Registered,
}

/// <summary>
/// The submissions of the areas a referral can lead to (scheme entries, consultation requests, subsidy
/// applications), by company and measure. Outreach reads them through this contract so that it does not depend
/// on those areas, which depend on it to mark their conversions (<see cref="ReferralConversion"/>).
/// </summary>
public interface ISubmissionsUnderMeasures
{
    /// <summary>Every submitted record of the companies under the measures, with when it was (first) submitted.</summary>
    Task<IReadOnlyList<MeasureSubmission>> ListAsync(IReadOnlyCollection<int> companyIds, IReadOnlyCollection<string> measureKeys, CancellationToken ct);
}

/// <summary>A company's submission under a measure: when, what kind of take-up it is, and the service's code.</summary>
public sealed record MeasureSubmission(int CompanyId, string Key, DateTime? At, ConversionKind By, string? Service = null);

/// <summary>What chamber staff send to refer a roster member: the member, one or more measures, branch, channel, note, and whether to mail.</summary>
/// <remarks><see cref="Scope"/>: the members the referring user sees (a branch manager's branch, docs/adr/0087); a member outside it is "not found".</remarks>
public sealed record ReferralInput(int? RosterMemberId, IReadOnlyList<int> MeasureIds, string? BranchCode, ReferralChannel? Channel, string? Note, bool SendMail,
    Members.MemberScope? Scope = null);

/// <summary>A roster entry found by the referral form's search, with whether a company is registered under its 法人番号.</summary>
public sealed record RosterChoice(int Id, string MemberNumber, string? CorporateNumber, string Name, string NameKana, string BranchCode, bool Registered, bool HasEmail);

/// <summary>The member and measures of a saved referral, for its invitation mail.</summary>
public sealed record ReferralMail(string Email, string MemberName, string? CorporateNumber, IReadOnlyList<(int Id, string Key, string TitleJa, string TitleEn)> Measures);

/// <summary>
/// What the printed invitation letter (ご案内状) of a referral says: the member as the roster has it, the branch that
/// writes, the day, and every measure referred to the member in the same act.
/// </summary>
public sealed record ReferralLetter(string MemberName, string? CorporateNumber, string Address, string ContactName, string BranchNameJa, DateTime ReferredAt,
    IReadOnlyList<(int Id, string TitleJa)> Measures);

/// <summary>
/// The referral funnel (docs/adr/0084): referrals to members who were not registered, how many registered since, how many
/// of those converted; and the referrals to members already registered (<see cref="RegisteredBefore"/>) with their conversions.
/// </summary>
public sealed record ReferralFunnel(int Referrals, int ToUnregistered, int Registered, int Converted, int AlreadyTakenUp, int RegisteredBefore = 0, int ConvertedBefore = 0);

/// <summary>
/// Referrals (誘導) of Chamber members to Metro measures, and their conversion (docs/adr/0031-referral-conversion.md,
/// docs/adr/0084-referrals-to-roster-members.md). A referral names a roster entry, registered on the portal or not;
/// it attaches to the company that registers with that 法人番号. A query over the schemes, consultations and subsidies
/// finds the company's first submission under the measure after the referral and marks the referral converted.
/// </summary>
public sealed class ReferralService(IAppDbContext db, ISubmissionsUnderMeasures submitted, TimeProvider clock)
{
    public const int MaxMeasures = 10;
    public const int SearchLimit = 20;

    /// <summary>
    /// Current roster members matching the text: a 法人番号 (13 digits, any width, hyphens allowed) or a 会員番号 exactly,
    /// else the name or reading folded (<see cref="Members.RosterRules.Fold"/>: width, kana and case do not matter).
    /// </summary>
    public async Task<List<RosterChoice>> SearchRosterAsync(string? text, Members.MemberScope? scope = null, CancellationToken ct = default)
    {
        var folded = Members.RosterRules.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }
        var digits = Companies.CorporateNumber.Normalize(text);
        var number = Members.RosterRules.NormalizeMemberNumber(text);
        var query = db.RosterMembers.AsNoTracking().VisibleTo(scope ?? Members.MemberScope.All).Where(m => m.Status == Members.RosterStatus.Current);
        query = digits.Length == Companies.CorporateNumber.Length && digits.All(char.IsAsciiDigit)
            ? query.Where(m => m.CorporateNumber == digits || m.MemberNumber == number)
            : query.Where(m => m.MemberNumber == number || m.NameFolded.Contains(folded) || m.KanaFolded.StartsWith(folded));
        return await query.OrderBy(m => m.KanaFolded).ThenBy(m => m.Id).Take(SearchLimit)
            .Select(m => new RosterChoice(m.Id, m.MemberNumber, m.CorporateNumber, m.Name, m.NameKana, m.BranchCode,
                m.CorporateNumber != null && db.Companies.Any(c => c.CorporateNumber == m.CorporateNumber), m.ContactEmail != null && m.ContactEmail != ""))
            .ToListAsync(ct);
    }

    /// <summary>One roster member as a choice (the form shows the chosen one again after an error).</summary>
    public Task<RosterChoice?> RosterChoiceAsync(int id, Members.MemberScope? scope = null, CancellationToken ct = default) =>
        db.RosterMembers.AsNoTracking().VisibleTo(scope ?? Members.MemberScope.All).Where(m => m.Id == id)
            .Select(m => new RosterChoice(m.Id, m.MemberNumber, m.CorporateNumber, m.Name, m.NameKana, m.BranchCode,
                m.CorporateNumber != null && db.Companies.Any(c => c.CorporateNumber == m.CorporateNumber), m.ContactEmail != null && m.ContactEmail != ""))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Refers a current roster member to one or more Metro measures: one referral per measure, attached at once to the
    /// company registered under the member's 法人番号 if there is one, or to the company it was matched to by hand. A measure the company had already taken up is
    /// recorded as such and never converts. With <see cref="ReferralInput.SendMail"/> and a contact address in the
    /// roster, <paramref name="mail"/> queues the invitation in the same save.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<int>>> ReferAsync(ReferralInput input, string userId, Action<ReferralMail>? mail = null, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var member = input.RosterMemberId is { } memberId
            ? await db.RosterMembers.AsNoTracking().VisibleTo(input.Scope ?? Members.MemberScope.All).SingleOrDefaultAsync(m => m.Id == memberId && m.Status == Members.RosterStatus.Current, ct)
            : null;
        if (member is null)
        {
            errors.Add(new("RosterMemberId", "Referral.MemberRequired"));
        }
        var measureIds = input.MeasureIds.Distinct().ToList();
        var measures = measureIds.Count == 0 ? [] : await db.Measures.AsNoTracking()
            .Where(m => measureIds.Contains(m.Id) && m.Side == Catalog.MeasureSide.Metro).Select(m => new { m.Id, m.Key, m.TitleJa, m.TitleEn }).ToListAsync(ct);
        if (measureIds.Count == 0 || measures.Count != measureIds.Count)
        {
            errors.Add(new("MeasureIds", "Validation.RequiredChoice"));
        }
        else if (measureIds.Count > MaxMeasures)
        {
            errors.Add(new("MeasureIds", "Referral.TooManyMeasures", [MaxMeasures.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }
        if (string.IsNullOrEmpty(input.BranchCode) || !await db.ChamberBranches.AnyAsync(b => b.Code == input.BranchCode, ct))
        {
            errors.Add(new("BranchCode", "Validation.RequiredChoice"));
        }
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add(new("Channel", "Validation.RequiredChoice"));
        }
        OutreachRules.CheckText(errors, "Note", input.Note, Referral.NoteMaxLength, required: false);
        if (input.SendMail && member is not null && string.IsNullOrEmpty(member.ContactEmail))
        {
            errors.Add(new("SendMail", "Referral.NoContactEmail"));
        }
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<int>>.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // A member without a 法人番号 is the company chamber staff matched it to by hand, if they have (docs/adr/0087).
        var companyId = member!.CorporateNumber is { } number
            ? await db.Companies.Where(c => c.CorporateNumber == number).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            : member.MatchedCompanyId;
        var takenUp = companyId is { } cid
            ? (await submitted.ListAsync([cid], measures.Select(m => m.Key).ToList(), ct)).Where(s => s.At <= now).Select(s => s.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        var referrals = measures.Select(m => new Referral
        {
            CompanyId = companyId, RosterMemberId = member.Id, MeasureId = m.Id, BranchCode = input.BranchCode!, Channel = input.Channel,
            Note = (input.Note ?? "").Trim(), ReferredByUserId = userId, ReferredAt = now, AlreadyTakenUp = takenUp.Contains(m.Key),
            MailQueued = input.SendMail,
        }).ToList();
        db.Referrals.AddRange(referrals);
        if (input.SendMail)
        {
            mail?.Invoke(new ReferralMail(member.ContactEmail!, member.Name, member.CorporateNumber, measures.Select(m => (m.Id, m.Key, m.TitleJa, m.TitleEn)).ToList()));
        }
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<int>>.Ok(referrals.Select(r => r.Id).ToList());
    }

    /// <summary>
    /// The invitation letter of a referral to a roster member the user may see (<paramref name="scope"/>), with every
    /// measure referred to the member at the same moment (one act of referral saves one referral per measure); null
    /// when there is none or it is outside the scope (a referral recorded before the roster has no member to write to).
    /// </summary>
    public async Task<ReferralLetter?> LetterAsync(int referralId, MemberScope scope, CancellationToken ct = default)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId && r.RosterMemberId != null)
            .Select(r => new { MemberId = r.RosterMemberId!.Value, r.ReferredAt, r.BranchCode }).SingleOrDefaultAsync(ct);
        if (referral is null)
        {
            return null;
        }
        var member = await db.RosterMembers.AsNoTracking().VisibleTo(scope).Where(m => m.Id == referral.MemberId)
            .Select(m => new { m.Name, m.CorporateNumber, m.Address, m.ContactName }).SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }
        var measures = (await db.Referrals.AsNoTracking().Where(r => r.RosterMemberId == referral.MemberId && r.ReferredAt == referral.ReferredAt)
            .OrderBy(r => r.Measure!.Order).ThenBy(r => r.MeasureId).Select(r => new { r.MeasureId, r.Measure!.TitleJa }).ToListAsync(ct))
            .Select(m => (m.MeasureId, m.TitleJa)).ToList();
        var branch = await db.ChamberBranches.AsNoTracking().Where(b => b.Code == referral.BranchCode).Select(b => b.NameJa).SingleOrDefaultAsync(ct) ?? referral.BranchCode;
        return new ReferralLetter(member.Name, member.CorporateNumber, member.Address, member.ContactName, branch, referral.ReferredAt, measures);
    }

    /// <summary>Marks every open referral whose company has since submitted something under its measure. Returns how many it marked.</summary>
    public async Task<int> MarkConversionsAsync(CancellationToken ct = default)
    {
        var open = await db.Referrals.Include(r => r.Measure).Where(r => r.ConvertedAt == null && r.CompanyId != null && !r.AlreadyTakenUp).ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }
        var companyIds = open.Select(r => r.CompanyId!.Value).Distinct().ToList();
        var keys = open.Select(r => r.Measure!.Key).Distinct().ToList();
        var submissions = (await submitted.ListAsync(companyIds, keys, ct))
            .ToLookup(s => (s.CompanyId, s.Key));
        var marked = 0;
        foreach (var referral in open)
        {
            var candidates = submissions[(referral.CompanyId!.Value, referral.Measure!.Key)].ToList();
            var conversion = OutreachRules.Conversion(referral.ReferredAt, candidates.Select(s => (s.At, s.By)));
            if (conversion is { } c)
            {
                referral.ConvertedAt = c.At;
                referral.ConvertedBy = c.By;
                referral.ConvertedService = candidates.FirstOrDefault(s => s.At == c.At && s.By == c.By)?.Service;
                marked++;
            }
        }
        if (marked > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request marked them at the same moment: the same conversions, already saved.
                return 0;
            }
        }
        return marked;
    }

    /// <summary>
    /// The funnel of the referrals the filter selects, in one query: the referral list and the Metro dashboard both show
    /// these figures (the dashboard for a fiscal year), so they cannot disagree.
    /// </summary>
    public async Task<ReferralFunnel> FunnelAsync(ReferralFilter filter, CancellationToken ct = default)
    {
        var counts = await Query(filter).GroupBy(_ => 1).Select(g => new
        {
            All = g.Count(),
            ToUnregistered = g.Count(r => r.CompanyId == null || r.AttachedAt != null),
            Registered = g.Count(r => r.AttachedAt != null),
            Converted = g.Count(r => r.AttachedAt != null && r.ConvertedAt != null),
            TakenUp = g.Count(r => r.AlreadyTakenUp),
            RegisteredBefore = g.Count(r => r.CompanyId != null && r.AttachedAt == null),
            ConvertedBefore = g.Count(r => r.CompanyId != null && r.AttachedAt == null && r.ConvertedAt != null),
        }).SingleOrDefaultAsync(ct);
        return counts is null ? new(0, 0, 0, 0, 0)
            : new(counts.All, counts.ToUnregistered, counts.Registered, counts.Converted, counts.TakenUp, counts.RegisteredBefore, counts.ConvertedBefore);
    }

    /// <summary>
    /// The referrals to members the scope sees (docs/adr/0087): by the roster entry's branch, the same rule as the roster
    /// (<see cref="RosterQueries.VisibleTo"/>); a referral recorded before the roster has no entry and goes by its company's
    /// member branch (<see cref="Companies.CompanyQueries.VerifiedMembersVisibleTo"/>).
    /// </summary>
    private IQueryable<Referral> VisibleTo(IQueryable<Referral> query, MemberScope scope)
    {
        if (scope.BranchCode is null)
        {
            return query;
        }
        var members = db.RosterMembers.VisibleTo(scope).Select(m => m.Id);
        var companies = Companies.CompanyQueries.VerifiedMembersVisibleTo(db.Companies, scope.BranchCode).Select(c => c.Id);
        return query.Where(r => r.RosterMemberId != null ? members.Contains(r.RosterMemberId.Value) : r.CompanyId != null && companies.Contains(r.CompanyId.Value));
    }

    public IQueryable<Referral> Query(ReferralFilter filter)
    {
        var query = VisibleTo(db.Referrals.AsNoTracking(), filter.Scope ?? MemberScope.All);
        if (!string.IsNullOrEmpty(filter.BranchCode))
        {
            query = query.Where(r => r.BranchCode == filter.BranchCode);
        }
        if (filter.MeasureId is { } measureId)
        {
            query = query.Where(r => r.MeasureId == measureId);
        }
        if (filter.From is { } from)
        {
            var fromUtc = JapanTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReferredAt >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = JapanTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReferredAt < toUtc);
        }
        if (filter.Converted is { } converted)
        {
            query = query.Where(r => (r.ConvertedAt != null) == converted);
        }
        query = filter.Registration switch
        {
            ReferralRegistration.Before => query.Where(r => r.CompanyId != null && r.AttachedAt == null),
            ReferralRegistration.NotBefore => query.Where(r => r.CompanyId == null || r.AttachedAt != null),
            ReferralRegistration.After => query.Where(r => r.AttachedAt != null),
            ReferralRegistration.Registered => query.Where(r => r.CompanyId != null),
            _ => query,
        };
        return query;
    }
}

/// <summary>
/// The company's open referrals that a submission to one service may convert: those to the service's own measure and
/// to every measure Metro officials linked to the service (docs/adr/0088-conversion-at-submission.md).
/// </summary>
public sealed record OpenReferrals(int CompanyId, ConversionKind Kind, string? ServiceCode, IReadOnlyList<string> MeasureKeys, IReadOnlyList<DateTime> ReferredAt)
{
    public static readonly OpenReferrals None = new(0, ConversionKind.Scheme, null, [], []);
}

/// <summary>
/// Records a referral's conversion at the moment the company applies, declares, registers or asks for a service — in
/// the submission's own save — under the service's own measure and the measures linked to it
/// (docs/adr/0088-conversion-at-submission.md). Implemented above Outreach and PlanServices (Submissions), so the areas
/// that submit depend on Outreach only.
/// </summary>
public interface IReferralConversions
{
    /// <summary>The open referrals the submission may convert: read before a transaction, so the usual case (none) costs nothing inside it.</summary>
    Task<OpenReferrals> OpenAsync(int companyId, ConversionKind kind, string? measureKey, string? serviceCode, CancellationToken ct);

    /// <summary>Marks them converted at <paramref name="submittedAt"/> (the submission's time) in the caller's transaction.</summary>
    Task ApplyAsync(OpenReferrals open, DateTime submittedAt, CancellationToken ct);

    /// <summary><see cref="OpenAsync"/> then <see cref="ApplyAsync"/>, for a submission saved without a transaction of its own.</summary>
    async Task MarkAsync(int companyId, ConversionKind kind, string? measureKey, string? serviceCode, DateTime submittedAt, CancellationToken ct) =>
        await ApplyAsync(await OpenAsync(companyId, kind, measureKey, serviceCode, ct), submittedAt, ct);
}

/// <summary>
/// Marks a company's open referrals to some measures converted when it submits something under them, in the caller's
/// transaction: the referral list and the dashboards see the conversion at once (docs/adr/0031-referral-conversion.md,
/// docs/adr/0088). A conditional update, so a referral marked at the same moment by another request never makes the
/// submission fail on a concurrency token; the dashboard buckets of the referrals are marked in the caller's save.
/// </summary>
public static class ReferralConversion
{
    /// <summary>The days of the company's open referrals to the measures.</summary>
    public static async Task<List<DateTime>> OpenAsync(IAppDbContext db, int companyId, IReadOnlyCollection<string> measureKeys, CancellationToken ct) =>
        measureKeys.Count == 0 ? [] : await db.Referrals.AsNoTracking()
            .Where(r => r.CompanyId == companyId && r.ConvertedAt == null && !r.AlreadyTakenUp && measureKeys.Contains(r.Measure!.Key)).Select(r => r.ReferredAt).ToListAsync(ct);

    public static async Task ApplyAsync(IAppDbContext db, OpenReferrals open, DateTime submittedAt, CancellationToken ct)
    {
        var converting = open.ReferredAt.Where(referredAt => OutreachRules.Conversion(referredAt, [(submittedAt, open.Kind)]) is not null).ToList();
        if (converting.Count == 0 || open.MeasureKeys.Count == 0)
        {
            return;
        }
        var keys = open.MeasureKeys;
        await db.Referrals.Where(r => r.CompanyId == open.CompanyId && r.ConvertedAt == null && !r.AlreadyTakenUp && r.ReferredAt <= submittedAt && keys.Contains(r.Measure!.Key))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConvertedAt, submittedAt).SetProperty(r => r.ConvertedBy, open.Kind).SetProperty(r => r.ConvertedService, open.ServiceCode)
                .SetProperty(r => r.Version, Guid.NewGuid()), ct);
        foreach (var bucket in converting.Select(Facts.Families.MonthBucket).Distinct())
        {
            db.DashboardDirtyMarks.Add(new Facts.DashboardDirtyMark { Family = Facts.Families.Referrals, Bucket = bucket });
        }
    }
}
