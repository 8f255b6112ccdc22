using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Library;
using Partnership.Core.PlanServices;

namespace Partnership.Web.Areas.Library.Controllers;

/// <summary>The library (ノウハウ提供・普及啓発): articles, case studies and guides Metro officials publish per measure.</summary>
[Area("Library")]
[AllowAnonymous]
[Route("/library")]
public sealed class LibraryController(LibraryService library, PlanServiceReader services) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await library.PublishedAsync(null, ct));

    [HttpGet("{code}")]
    public async Task<IActionResult> Article(string code, CancellationToken ct)
    {
        var article = await library.ArticleAsync(code.ToUpperInvariant(), ct);
        if (article is null)
        {
            return NotFound();
        }
        ViewData["Measures"] = await services.MeasuresOfAsync(ServiceKind.Library, article.Code, article.MeasureKey, ct);
        return View(article);
    }

    [HttpGet("{code}/files/{attachmentId:int}")]
    public async Task<IActionResult> Download(string code, int attachmentId, CancellationToken ct)
    {
        var opened = await library.OpenAttachmentAsync(code.ToUpperInvariant(), attachmentId, ct);
        return opened is { } a ? File(a.Content, a.Attachment.ContentType, a.Attachment.FileName) : NotFound();
    }
}
