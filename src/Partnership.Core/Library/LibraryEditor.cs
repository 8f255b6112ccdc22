using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;
using Partnership.Core.Documents;
using Partnership.Core.Outreach;

namespace Partnership.Core.Library;

/// <summary>What an official types for a library entry; the code is set once, when the entry is created.</summary>
public sealed record ArticleInput(
    string? Code, string? MeasureKey, ArticleKind? Kind, string? TitleJa, string? TitleEn, string? SummaryJa, string? SummaryEn,
    string? BodyJa, string? BodyEn, DateOnly? PublishedOn);

/// <summary>A measure an entry can be filed under: the latest plan's measures, by stable key.</summary>
public sealed record MeasureChoice(string Key, string TitleJa, string TitleEn);

/// <summary>
/// Metro officials keep the library (docs/adr/0085-officials-edit-plan-services-and-library.md): a new entry is a
/// draft, shown nowhere until it is published; a published entry can be taken back to a draft. Attachments are judged
/// by their content as every upload is (PDF parsed by <see cref="PdfInspection"/>, PNG, JPEG; 10 MB at most).
/// Every refusal changes nothing.
/// </summary>
public sealed partial class LibraryEditor(IAppDbContext db, IDocumentStore store, TimeProvider clock)
{
    /// <summary>No entry is dated before the partnership began; none more than a year ahead.</summary>
    public static readonly DateOnly EarliestDate = new(2015, 4, 1);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,59}$")]
    private static partial Regex CodePattern();

    /// <summary>Every entry, drafts included, newest first.</summary>
    public Task<List<LibraryArticle>> AllAsync(CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking().OrderBy(a => a.IsDraft ? 0 : 1).ThenByDescending(a => a.PublishedOn).ThenBy(a => a.Code).ToListAsync(ct);

    public Task<LibraryArticle?> FindAsync(int id, CancellationToken ct = default) =>
        db.LibraryArticles.AsNoTracking().Include(a => a.Attachments.OrderBy(x => x.Id)).SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<IReadOnlyList<MeasureChoice>> MeasureChoicesAsync(CancellationToken ct = default)
    {
        var latest = await db.PartnershipPlans.AsNoTracking().MaxAsync(p => (int?)p.FiscalYear, ct);
        return await db.Measures.AsNoTracking().Where(m => m.Plan!.FiscalYear == latest).OrderBy(m => m.Order)
            .Select(m => new MeasureChoice(m.Key, m.TitleJa, m.TitleEn)).ToListAsync(ct);
    }

    /// <summary>Creates an entry as a draft.</summary>
    public async Task<Outcome<int>> CreateAsync(ArticleInput input, CancellationToken ct = default)
    {
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        var errors = new List<FieldError>();
        if (code.Length == 0)
        {
            errors.Add(new("Code", "Validation.Required"));
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(new("Code", "Library.Edit.CodeInvalid"));
        }
        else if (await db.LibraryArticles.AnyAsync(a => a.Code == code, ct))
        {
            errors.Add(new("Code", "Library.Edit.CodeTaken"));
        }
        await CheckAsync(input, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var article = new LibraryArticle { Code = code, MeasureKey = "", TitleJa = "", IsDraft = true };
        Apply(article, input);
        db.LibraryArticles.Add(article);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.LibraryArticles.Entry(article).State = EntityState.Detached;
            return Outcome<int>.Invalid("Code", "Library.Edit.CodeTaken");
        }
        return Outcome<int>.Ok(article.Id);
    }

    /// <summary>Changes an entry's text, measure and date; one changed meanwhile by someone else is never overwritten.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(int id, ArticleInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var article = await db.LibraryArticles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Outcome<Guid>.NotFound();
        }
        var errors = new List<FieldError>();
        await CheckAsync(input, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (article.Version != expectedVersion)
        {
            return Outcome<Guid>.Conflict("Library.Edit.Changed");
        }
        Apply(article, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict("Library.Edit.Changed");
        }
        return Outcome<Guid>.Ok(article.Version);
    }

    /// <summary>Publishes a draft (shown from its publication date) or takes a published entry back to a draft.</summary>
    public async Task<Outcome<bool>> SetPublishedAsync(int id, bool publish, CancellationToken ct = default)
    {
        var article = await db.LibraryArticles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (article.IsDraft == !publish)
        {
            return Outcome<bool>.Ok(publish);
        }
        article.IsDraft = !publish;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(publish);
    }

    /// <summary>Adds files to an entry: every file is judged first; with any refusal nothing is stored.</summary>
    public async Task<Outcome<int>> AddAttachmentsAsync(int id, IReadOnlyList<UploadedFile> files, string userId, CancellationToken ct = default)
    {
        var article = await db.LibraryArticles.Include(a => a.Attachments).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Outcome<int>.NotFound();
        }
        if (files.Count == 0)
        {
            return Outcome<int>.Invalid("Files", "Library.Edit.NoFile");
        }
        var errors = new List<FieldError>();
        var checkedFiles = await UploadCheck.CheckAllAsync(files, article.Attachments.Count, LibraryAttachment.MaxPerArticle, "Library.Attachment.", errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        await store.StoreThenSaveAsync(checkedFiles, (file, key) => article.Attachments.Add(new LibraryAttachment
        {
            FileName = file.FileName, ContentType = file.ContentType, SizeBytes = file.Content.Length, Sha256 = file.Sha256, StorageKey = key,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedByUserId = userId,
        }), () => db.SaveChangesAsync(ct), ct);
        return Outcome<int>.Ok(checkedFiles.Count);
    }

    /// <summary>Removes one attachment of an entry: the row, then the bytes.</summary>
    public async Task<Outcome<bool>> RemoveAttachmentAsync(int id, int attachmentId, CancellationToken ct = default)
    {
        var attachment = await db.LibraryAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ArticleId == id, ct);
        if (attachment is null)
        {
            return Outcome<bool>.NotFound();
        }
        db.LibraryAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        store.Delete(attachment.StorageKey);
        return Outcome<bool>.Ok(true);
    }

    private async Task CheckAsync(ArticleInput input, List<FieldError> errors, CancellationToken ct)
    {
        var measureKey = (input.MeasureKey ?? "").Trim();
        if (measureKey.Length == 0)
        {
            errors.Add(new("MeasureKey", "Validation.RequiredChoice"));
        }
        else if (!(await MeasureChoicesAsync(ct)).Any(m => m.Key == measureKey))
        {
            errors.Add(new("MeasureKey", "Validation.Invalid"));
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Validation.RequiredChoice"));
        }
        TextRules.CheckField(errors, "TitleJa", input.TitleJa, LibraryArticle.TitleMaxLength, required: true);
        TextRules.CheckField(errors, "TitleEn", input.TitleEn, LibraryArticle.TitleMaxLength, required: true);
        TextRules.CheckField(errors, "SummaryJa", input.SummaryJa, LibraryArticle.SummaryMaxLength, required: true);
        TextRules.CheckField(errors, "SummaryEn", input.SummaryEn, LibraryArticle.SummaryMaxLength, required: false);
        TextRules.CheckField(errors, "BodyJa", input.BodyJa, LibraryArticle.BodyMaxLength, required: true);
        TextRules.CheckField(errors, "BodyEn", input.BodyEn, LibraryArticle.BodyMaxLength, required: false);
        var today = DateOnly.FromDateTime(JapanTime.Today(clock));
        if (input.PublishedOn is not { } date)
        {
            errors.Add(new("PublishedOn", "Validation.Required"));
        }
        else if (date < EarliestDate || date > today.AddYears(1))
        {
            errors.Add(new("PublishedOn", "Library.Edit.PublishedOnRange"));
        }
    }

    private static void Apply(LibraryArticle article, ArticleInput input)
    {
        article.MeasureKey = input.MeasureKey!.Trim();
        article.Kind = input.Kind!.Value;
        article.TitleJa = input.TitleJa!.Trim();
        article.TitleEn = input.TitleEn!.Trim();
        article.SummaryJa = input.SummaryJa!.Trim();
        article.SummaryEn = (input.SummaryEn ?? "").Trim();
        article.BodyJa = input.BodyJa!.Trim();
        article.BodyEn = (input.BodyEn ?? "").Trim();
        article.PublishedOn = input.PublishedOn!.Value;
    }
}
