using Microsoft.AspNetCore.Mvc;

namespace Partnership.Web.Controllers;

/// <summary>The signed-in person's start page: what their roles let them do here.</summary>
public sealed class MeController : Controller
{
    [HttpGet("/me")]
    public IActionResult Index() => View();
}
