using Microsoft.EntityFrameworkCore;
using Partnership.Core.Common;

namespace Partnership.Core.Reference;

public enum ReferenceEdit
{
    Saved,
    NamesRequired,
    CodeTaken,
    NotFound,
}

/// <summary>
/// An administrator's edits of the reference data seeded on first start: names of TCCI branches, Metro bureaus,
/// industries and municipalities, and new bureaus. Codes are fixed (records point at them). Every saved edit drops
/// this node's cached lists.
/// </summary>
public sealed class ReferenceDataService(IAppDbContext db, IReferenceLists lists)
{
    public const string Branches = "branches";
    public const string Bureaus = "bureaus";
    public const string Industries = "industries";
    public const string Municipalities = "municipalities";

    public async Task<ReferenceEdit> RenameAsync(string kind, string code, string? nameJa, string? nameEn, CancellationToken ct = default)
    {
        if (!ValidNames(nameJa, nameEn, requireEnglish: kind != Municipalities))
        {
            return ReferenceEdit.NamesRequired;
        }
        var found = kind switch
        {
            Branches => await RenameAsync(db.ChamberBranches, b => b.Code == code, b => (b.NameJa, b.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            Bureaus => await RenameAsync(db.MetroBureaus, b => b.Code == code, b => (b.NameJa, b.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            Industries => await RenameAsync(db.Industries, i => i.Code == code, i => (i.NameJa, i.NameEn) = (nameJa!.Trim(), nameEn!.Trim()), ct),
            Municipalities => await RenameAsync(db.Municipalities, m => m.Code == code, m => m.NameJa = nameJa!.Trim(), ct),
            _ => false,
        };
        return found ? ReferenceEdit.Saved : ReferenceEdit.NotFound;
    }

    /// <summary>The code as kept (upper case) and what became of it.</summary>
    public async Task<(string Code, ReferenceEdit Result)> AddBureauAsync(string? code, string? nameJa, string? nameEn, CancellationToken ct = default)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        if (key.Length is 0 or > 20 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !ValidNames(nameJa, nameEn, requireEnglish: true))
        {
            return (key, ReferenceEdit.NamesRequired);
        }
        if (await db.MetroBureaus.AnyAsync(b => b.Code == key, ct))
        {
            return (key, ReferenceEdit.CodeTaken);
        }
        var order = await db.MetroBureaus.MaxAsync(b => (int?)b.Order, ct) ?? 0;
        db.MetroBureaus.Add(new MetroBureau { Code = key, NameJa = nameJa!.Trim(), NameEn = nameEn!.Trim(), Order = order + 1 });
        await db.SaveChangesAsync(ct);
        lists.Invalidate();
        return (key, ReferenceEdit.Saved);
    }

    private static bool ValidNames(string? nameJa, string? nameEn, bool requireEnglish) =>
        !string.IsNullOrWhiteSpace(nameJa) && nameJa.Trim().Length <= 50
        && (!requireEnglish || (!string.IsNullOrWhiteSpace(nameEn) && nameEn.Trim().Length <= 100))
        && TextRules.Check(nameJa) == TextRules.Problem.None && TextRules.Check(nameEn) == TextRules.Problem.None;

    private async Task<bool> RenameAsync<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match, Action<T> change, CancellationToken ct)
        where T : class
    {
        var item = await set.SingleOrDefaultAsync(match, ct);
        if (item is null)
        {
            return false;
        }
        change(item);
        await db.SaveChangesAsync(ct);
        lists.Invalidate();
        return true;
    }
}
