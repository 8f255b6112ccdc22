using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Outreach;

public sealed record PublicityInput(int? MeasureId, string? Title, string? Reason, DateOnly? WishedFrom, DateOnly? WishedTo, IReadOnlyList<OutreachChannel> WishedChannels);

public sealed record PublicationInput(DateOnly? Date, OutreachChannel? Channel, string? Issue, string? Title, int? Reach, string? BranchCode);

/// <summary>
/// Publicity requests (周知依頼) from Metro officials and the chamber's publications (掲載) against them. A
/// publication is one outreach activity with the request's measure: it counts in the log once, not twice.
/// </summary>
public sealed class PublicityService(IAppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> RequestAsync(PublicityInput input, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (input.MeasureId is not { } measureId || !await db.Measures.AnyAsync(m => m.Id == measureId, ct))
        {
            errors.Add(new("MeasureId", "Validation.RequiredChoice"));
        }
        Text(errors, "Title", input.Title, PublicityRequest.TitleMaxLength, required: true);
        Text(errors, "Reason", input.Reason, PublicityRequest.TextMaxLength, required: false);
        var latest = DateOnly.FromDateTime(JapanTime.Today(clock)).AddYears(5);
        foreach (var (field, date) in new[] { ("WishedFrom", input.WishedFrom), ("WishedTo", input.WishedTo) })
        {
            if (date is { } d && (d < OutreachRules.Earliest || d > latest))
            {
                errors.Add(new(field, "Validation.Invalid"));
            }
        }
        if (input.WishedFrom is { } from && input.WishedTo is { } to && to < from)
        {
            errors.Add(new("WishedTo", "Publicity.PeriodOrder"));
        }
        if (input.WishedChannels.Any(c => !Enum.IsDefined(c)))
        {
            errors.Add(new("WishedChannels", "Validation.Invalid"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var request = new PublicityRequest
        {
            RequestedByUserId = userId, MeasureId = input.MeasureId!.Value, Title = input.Title!.Trim(), Reason = (input.Reason ?? "").Trim(),
            WishedFrom = input.WishedFrom, WishedTo = input.WishedTo, WishedChannels = string.Join(',', input.WishedChannels.Distinct()),
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PublicityRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(request.Id);
    }

    /// <summary>Accepts, or declines with a reason, a request still waiting for an answer.</summary>
    public async Task<Outcome<PublicityStatus>> AnswerAsync(int id, bool accept, string? reason, CancellationToken ct = default)
    {
        var request = await db.PublicityRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome<PublicityStatus>.NotFound();
        }
        var errors = new List<FieldError>();
        if (!accept)
        {
            Text(errors, "Reason", reason, PublicityRequest.TextMaxLength, required: true);
        }
        if (errors.Count > 0)
        {
            return Outcome<PublicityStatus>.Invalid(errors);
        }
        if (request.Status != PublicityStatus.Requested)
        {
            return Outcome<PublicityStatus>.Conflict("Publicity.AlreadyAnswered");
        }
        request.Status = accept ? PublicityStatus.Accepted : PublicityStatus.Declined;
        request.DeclineReason = accept ? null : reason!.Trim();
        request.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PublicityStatus>.Conflict("Publicity.AlreadyAnswered");
        }
        return Outcome<PublicityStatus>.Ok(request.Status);
    }

    /// <summary>Records a publication of an accepted request: one outreach activity with the request's measure.</summary>
    public async Task<Outcome<int>> PublishAsync(int id, PublicationInput input, string userId, CancellationToken ct = default)
    {
        var request = await db.PublicityRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome<int>.NotFound();
        }
        var errors = OutreachRules.Check(new ActivityInput(input.Date, input.Channel, [request.MeasureId], input.BranchCode, input.Reach, [], ""),
            DateOnly.FromDateTime(JapanTime.Today(clock)));
        Text(errors, "Issue", input.Issue, 100, required: false);
        Text(errors, "Title", input.Title, PublicityRequest.TitleMaxLength, required: true);
        if (!string.IsNullOrWhiteSpace(input.BranchCode) && !await db.ChamberBranches.AnyAsync(b => b.Code == input.BranchCode, ct))
        {
            errors.Add(new("BranchCode", "Validation.RequiredChoice"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        if (request.Status != PublicityStatus.Accepted)
        {
            return Outcome<int>.Conflict("Publicity.NotAccepted");
        }
        var activity = new OutreachActivity
        {
            Date = input.Date!.Value, Channel = input.Channel!.Value, BranchCode = input.BranchCode!, Reach = input.Reach!.Value, LoggedByUserId = userId,
            PublicityRequestId = id, Issue = (input.Issue ?? "").Trim(), Title = input.Title!.Trim(), Note = "",
            Measures = [new OutreachActivityMeasure { MeasureId = request.MeasureId }],
        };
        db.OutreachActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(activity.Id);
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        value = (value ?? "").Trim();
        if (required && value.Length == 0)
        {
            errors.Add(new(field, "Validation.Required"));
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, "Validation.TooLong"));
        }
        else if (TextRules.Check(value) is var problem && problem != TextRules.Problem.None)
        {
            errors.Add(new(field, problem == TextRules.Problem.Markup ? "Validation.Markup" : "Validation.ForbiddenCharacters"));
        }
    }
}
