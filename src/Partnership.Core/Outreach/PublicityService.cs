using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Documents;

namespace Partnership.Core.Outreach;

public sealed record PublicityInput(int? MeasureId, string? Title, string? Reason, DateOnly? WishedFrom, DateOnly? WishedTo, IReadOnlyList<OutreachChannel> WishedChannels);

public sealed record PublicationInput(DateOnly? Date, OutreachChannel? Channel, string? Issue, string? Title, int? Reach, string? BranchCode);

/// <summary>
/// Publicity requests (周知依頼) from Metro officials and the chamber's publications (掲載) against them. A
/// publication is one outreach activity with the request's measure: it counts in the log once, not twice.
/// </summary>
public sealed class PublicityService(IAppDbContext db, IDocumentStore store, TimeProvider clock)
{
    /// <summary>The requests, newest first (at most 500): all of them, or those of one requester.</summary>
    public Task<List<PublicityRow>> ListAsync(string? requestedBy, CancellationToken ct = default)
    {
        var query = db.PublicityRequests.AsNoTracking();
        if (requestedBy is not null)
        {
            query = query.Where(r => r.RequestedByUserId == requestedBy);
        }
        return query.OrderByDescending(r => r.RequestedAt).Take(500)
            .Select(r => new PublicityRow(r.Id, r.Title, r.Measure!.TitleJa, r.Measure.TitleEn, r.Status, r.RequestedAt, r.Publications.Count, r.Publications.Sum(p => (long)p.Reach)))
            .ToListAsync(ct);
    }

    /// <summary>A request with its measure and its attachments in the order they were added.</summary>
    public Task<PublicityRequest?> FindAsync(int id, CancellationToken ct = default) =>
        db.PublicityRequests.AsNoTracking().Include(r => r.Measure).Include(r => r.Attachments.OrderBy(a => a.Id)).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The publications that answer a request, in date order.</summary>
    public Task<List<OutreachActivity>> PublicationsAsync(int id, CancellationToken ct = default) =>
        db.OutreachActivities.AsNoTracking().Where(a => a.PublicityRequestId == id).OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// Records a request with its attached material. Every file is checked first (content, size, count); with any
    /// error nothing is stored and nothing saved.
    /// </summary>
    /// <remarks>
    /// A form sent twice (double click, a retry) carries the same <paramref name="submissionKey"/>: the second finds the
    /// first request and stores nothing.
    /// </remarks>
    public async Task<Outcome<int>> RequestAsync(PublicityInput input, string userId, IReadOnlyList<UploadedFile>? files = null, Guid? submissionKey = null,
        CancellationToken ct = default)
    {
        files ??= [];
        if (submissionKey == Guid.Empty)
        {
            // Only a tampered form sends an empty key.
            return Outcome<int>.Invalid("", "Form.Resend");
        }
        if (await SubmittedAsync(submissionKey, userId, ct) is { } already)
        {
            return Outcome<int>.Ok(already);
        }
        var errors = new List<FieldError>();
        if (input.MeasureId is not { } measureId || !await db.Measures.AnyAsync(m => m.Id == measureId, ct))
        {
            errors.Add(new("MeasureId", "Validation.RequiredChoice"));
        }
        OutreachRules.CheckText(errors, "Title", input.Title, PublicityRequest.TitleMaxLength, required: true);
        OutreachRules.CheckText(errors, "Reason", input.Reason, PublicityRequest.TextMaxLength, required: false);
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
        var checkedFiles = await UploadCheck.CheckAllAsync(files, 0, PublicityAttachment.MaxPerRequest, "Publicity.Attachment.", errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var request = new PublicityRequest
        {
            RequestedByUserId = userId, MeasureId = input.MeasureId!.Value, Title = input.Title!.Trim(), Reason = (input.Reason ?? "").Trim(),
            WishedFrom = input.WishedFrom, WishedTo = input.WishedTo, WishedChannels = string.Join(',', input.WishedChannels.Distinct()),
            RequestedAt = clock.GetUtcNow().UtcDateTime, SubmissionKey = submissionKey,
        };
        db.PublicityRequests.Add(request);
        try
        {
            await StoreAndSaveAsync(request, checkedFiles, userId, ct);
        }
        catch (DbUpdateException) when (submissionKey is not null)
        {
            // The same form at the same moment: the unique key refused this one (its files are removed); the first stands.
            db.PublicityRequests.Entry(request).State = EntityState.Detached;
            foreach (var attachment in request.Attachments)
            {
                db.PublicityAttachments.Entry(attachment).State = EntityState.Detached;
            }
            if (await SubmittedAsync(submissionKey, userId, ct) is { } first)
            {
                return Outcome<int>.Ok(first);
            }
            throw;
        }
        return Outcome<int>.Ok(request.Id);
    }

    private async Task<int?> SubmittedAsync(Guid? submissionKey, string userId, CancellationToken ct) =>
        submissionKey is { } key
            ? await db.PublicityRequests.AsNoTracking().Where(r => r.SubmissionKey == key && r.RequestedByUserId == userId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// Adds material to a request while it is open (waiting for an answer or accepted); only the official who asked
    /// may. Every file is checked first; with any error nothing is stored.
    /// </summary>
    public async Task<Outcome<int>> AttachAsync(int id, IReadOnlyList<UploadedFile> files, string userId, CancellationToken ct = default)
    {
        var request = await db.PublicityRequests.Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id && r.RequestedByUserId == userId, ct);
        if (request is null)
        {
            return Outcome<int>.NotFound();
        }
        if (request.Status == PublicityStatus.Declined)
        {
            return Outcome<int>.Conflict("Publicity.Attachment.Closed");
        }
        var errors = new List<FieldError>();
        if (files.Count == 0)
        {
            errors.Add(new("Files", "Publicity.Attachment.None"));
        }
        var checkedFiles = await UploadCheck.CheckAllAsync(files, request.Attachments.Count, PublicityAttachment.MaxPerRequest, "Publicity.Attachment.", errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        await StoreAndSaveAsync(request, checkedFiles, userId, ct);
        return Outcome<int>.Ok(checkedFiles.Count);
    }

    /// <summary>An attachment of a request the caller may read (chamber staff: any; an official: their own), with its bytes.</summary>
    public async Task<(PublicityAttachment Attachment, Stream Content)?> OpenAttachmentAsync(int id, int attachmentId, string? onlyRequestedBy, CancellationToken ct = default)
    {
        var attachment = await db.PublicityAttachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.PublicityRequestId == id && (onlyRequestedBy == null || a.Request!.RequestedByUserId == onlyRequestedBy), ct);
        return attachment is null ? null : (attachment, store.OpenRead(attachment.StorageKey));
    }

    /// <summary>The bytes go to the store first (on disk when acknowledged); then the rows; if saving fails the bytes are removed.</summary>
    private Task StoreAndSaveAsync(PublicityRequest request, List<CheckedFile> files, string userId, CancellationToken ct) =>
        store.StoreThenSaveAsync(files, (file, key) => request.Attachments.Add(new PublicityAttachment
        {
            FileName = file.FileName, ContentType = file.ContentType, SizeBytes = file.Content.Length, Sha256 = file.Sha256, StorageKey = key,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedByUserId = userId,
        }), () => db.SaveChangesAsync(ct), ct);

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
            OutreachRules.CheckText(errors, "Reason", reason, PublicityRequest.TextMaxLength, required: true);
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
        OutreachRules.CheckText(errors, "Issue", input.Issue, 100, required: false);
        OutreachRules.CheckText(errors, "Title", input.Title, PublicityRequest.TitleMaxLength, required: true);
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
}
