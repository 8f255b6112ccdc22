using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

public sealed record CoSponsorshipInput(CoSponsorKind? Kind, int? MeasureId, string? EventTitle, DateOnly? EventDate, string? Venue, string? Description);

/// <summary>Co-sponsorship and co-hosting requests (後援・共催): asked by Metro officials, answered by the chamber, results recorded by either.</summary>
public sealed class CoSponsorshipService(IAppDbContext db, TimeProvider clock)
{
    /// <summary>The requests with their measure, newest first (at most 500): all of them, or those of one requester.</summary>
    public Task<List<CoSponsorshipRequest>> ListAsync(string? requestedBy, CancellationToken ct = default)
    {
        var query = db.CoSponsorshipRequests.AsNoTracking().Include(r => r.Measure).AsQueryable();
        if (requestedBy is not null)
        {
            query = query.Where(r => r.RequestedByUserId == requestedBy);
        }
        return query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(ct);
    }

    public Task<CoSponsorshipRequest?> FindAsync(int id, CancellationToken ct = default) =>
        db.CoSponsorshipRequests.AsNoTracking().Include(r => r.Measure).SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Outcome<int>> RequestAsync(CoSponsorshipInput input, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Validation.RequiredChoice"));
        }
        if (input.MeasureId is not { } measureId || !await db.Measures.AnyAsync(m => m.Id == measureId, ct))
        {
            errors.Add(new("MeasureId", "Validation.RequiredChoice"));
        }
        OutreachRules.CheckText(errors, "EventTitle", input.EventTitle, CoSponsorshipRequest.TitleMaxLength, required: true);
        OutreachRules.CheckText(errors, "Venue", input.Venue, CoSponsorshipRequest.TitleMaxLength, required: false);
        OutreachRules.CheckText(errors, "Description", input.Description, CoSponsorshipRequest.TextMaxLength, required: false);
        if (input.EventDate is not { } date)
        {
            errors.Add(new("EventDate", "Validation.Required"));
        }
        else if (date < OutreachRules.Earliest || date.Year > 2100)
        {
            errors.Add(new("EventDate", "Validation.Invalid"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var request = new CoSponsorshipRequest
        {
            RequestedByUserId = userId, Kind = input.Kind!.Value, MeasureId = input.MeasureId!.Value, EventTitle = input.EventTitle!.Trim(),
            EventDate = input.EventDate!.Value, Venue = (input.Venue ?? "").Trim(), Description = (input.Description ?? "").Trim(),
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CoSponsorshipRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(request.Id);
    }

    /// <summary>Approves with conditions (optional) or declines with a reason (required), once.</summary>
    public async Task<Outcome<CoSponsorStatus>> AnswerAsync(int id, bool approve, string? text, CancellationToken ct = default)
    {
        var request = await db.CoSponsorshipRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome<CoSponsorStatus>.NotFound();
        }
        var errors = new List<FieldError>();
        OutreachRules.CheckText(errors, "Answer", text, CoSponsorshipRequest.TextMaxLength, required: !approve);
        if (errors.Count > 0)
        {
            return Outcome<CoSponsorStatus>.Invalid(errors);
        }
        if (request.Status != CoSponsorStatus.Requested)
        {
            return Outcome<CoSponsorStatus>.Conflict("Publicity.AlreadyAnswered");
        }
        request.Status = approve ? CoSponsorStatus.Approved : CoSponsorStatus.Declined;
        request.Answer = (text ?? "").Trim();
        request.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<CoSponsorStatus>.Ok(request.Status);
    }

    /// <summary>Records (or corrects) the result of an approved request: participants and member companies among them.</summary>
    public async Task<Outcome<bool>> RecordResultAsync(int id, int? participants, int? memberParticipants, CancellationToken ct = default)
    {
        var request = await db.CoSponsorshipRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome<bool>.NotFound();
        }
        var errors = new List<FieldError>();
        if (participants is not { } p || p < 0 || p > OutreachActivity.MaxReach)
        {
            errors.Add(new("Participants", "Outreach.ReachOutOfRange"));
        }
        if (memberParticipants is not { } m || m < 0 || m > OutreachActivity.MaxReach)
        {
            errors.Add(new("MemberParticipants", "Outreach.ReachOutOfRange"));
        }
        else if (participants is { } total && m > total)
        {
            errors.Add(new("MemberParticipants", "CoSponsor.MembersOverTotal"));
        }
        if (errors.Count > 0)
        {
            return Outcome<bool>.Invalid(errors);
        }
        if (request.Status != CoSponsorStatus.Approved)
        {
            return Outcome<bool>.Conflict("CoSponsor.NotApproved");
        }
        request.Participants = participants;
        request.MemberParticipants = memberParticipants;
        request.ResultRecordedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
