using Microsoft.EntityFrameworkCore;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>The harness's "nothing was saved" rests on the fingerprint: it must see one changed value and only that.</summary>
public sealed class DatabaseFingerprintTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task One_changed_value_changes_the_fingerprint_and_putting_it_back_restores_it()
    {
        _portal.CreateClient().Dispose();
        var before = await DatabaseFingerprint.TakeAsync(_portal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(_portal));

        var company = await _portal.WithDbAsync(db => db.Companies.AsNoTracking().OrderBy(c => c.Id).FirstAsync());
        var (id, name) = (company.Id, company.Name);
        await _portal.WithDbAsync(db => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name + "。")));
        Assert.NotEqual(before, await DatabaseFingerprint.TakeAsync(_portal));

        await _portal.WithDbAsync(db => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name)));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(_portal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(_portal));

        // A second change after a kept hash is seen as well (the probe asks whether anything was written first).
        await _portal.WithDbAsync(db => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name + "株式会社")));
        Assert.NotEqual(before, await DatabaseFingerprint.TakeAsync(_portal));
    }

    public void Dispose() => _portal.Dispose();
}
