using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnership.Core.Search;

namespace Partnership.Web.Areas.Search.Controllers;

/// <summary>The site search behind the box on every page.</summary>
[Area("Search")]
[AllowAnonymous]
[Route("/search")]
public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        ViewData["Query"] = q ?? "";
        // Refused input (markup, control characters) is explained by the error summary and searched for nothing.
        return View(ModelState.IsValid ? await search.SearchAsync(q, ct) : new SearchResults("", []));
    }
}
