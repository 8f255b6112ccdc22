using System.Text;
using Microsoft.EntityFrameworkCore;
using Moq;
using Partnership.Core.Documents;
using Partnership.Core.Outreach;
using Partnership.Core.Subsidies;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Outreach;

/// <summary>Attached material on the real database, with the document store as the seam.</summary>
public class PublicityMaterialTests : DatabaseTest
{
    private static readonly byte[] Pdf = PdfSamples.Plain;

    private static UploadedFile File(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    private async Task<PublicityInput> InputAsync()
    {
        await using var db = Database.CreateContext();
        var measureId = await db.Measures.Where(m => m.Key == "TELEWORK-M01").Select(m => m.Id).FirstAsync();
        return new PublicityInput(measureId, "テレワーク助成金の周知", "", null, null, []);
    }

    [Fact]
    public async Task When_the_store_fails_on_the_second_file_the_first_is_removed_and_no_request_is_saved()
    {
        var store = new Mock<IDocumentStore>();
        store.SetupSequence(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("0123456789abcdef0123456789abcdef")
            .ThrowsAsync(new IOException("disk full"));
        var input = await InputAsync();
        await using (var db = Database.CreateContext())
        {
            var service = new PublicityService(db, store.Object, Clock);
            await Assert.ThrowsAsync<IOException>(() => service.RequestAsync(input, "metro-1", [File("a.pdf", Pdf), File("b.pdf", Pdf)]));
        }
        store.Verify(s => s.Delete("0123456789abcdef0123456789abcdef"), Times.Once);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.PublicityRequests.CountAsync());
        Assert.Equal(0, await check.PublicityAttachments.CountAsync());
    }

    [Fact]
    public async Task A_request_with_material_keeps_the_hash_size_and_sniffed_type_of_each_file_and_counts_toward_the_limit()
    {
        var store = new Mock<IDocumentStore>();
        var keys = 0;
        store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => (++keys).ToString("D32"));
        var input = await InputAsync();
        await using var db = Database.CreateContext();
        var service = new PublicityService(db, store.Object, Clock);
        var id = (await service.RequestAsync(input, "metro-1", [File("チラシ.pdf", Pdf), File("b.pdf", Pdf), File("c.pdf", Pdf), File("d.pdf", Pdf)])).Value;
        var attachment = await db.PublicityAttachments.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
        Assert.Equal(("チラシ.pdf", "application/pdf", Pdf.Length), (attachment.FileName, attachment.ContentType, (int)attachment.SizeBytes));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Pdf)), attachment.Sha256);

        // Four stored; two more would pass five: refused as a whole, nothing stored.
        var refused = await service.AttachAsync(id, [File("e.pdf", Pdf), File("f.pdf", Pdf)], "metro-1");
        Assert.Equal("Publicity.Attachment.TooMany", refused.Errors.Single().Code);
        Assert.Equal(1, (await service.AttachAsync(id, [File("e.pdf", Pdf)], "metro-1")).Value);
        // Another official's request is not theirs to add to.
        Assert.Equal(Partnership.Core.Common.OutcomeStatus.NotFound, (await service.AttachAsync(id, [File("g.pdf", Pdf)], "metro-2")).Status);
        store.Verify(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>()), Times.Exactly(5));
    }
}
