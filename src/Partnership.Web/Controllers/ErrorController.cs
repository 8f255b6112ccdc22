using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Partnership.Web.Controllers;

/// <summary>Friendly error pages. An unexpected error shows a reference id that support can find in the logs.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    [Route("/error")]
    public IActionResult Index()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is null)
        {
            // Visited directly rather than re-executed after an exception.
            return NotFound();
        }
        // The trace id when the request is traced; otherwise a fresh id of the same form. Either way it is
        // logged with the exception below, so support finds it (a request is not always traced: CI saw one).
        var referenceId = (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToString();
        logger.LogError(feature.Error, "Unhandled error on {Path}, reference {ReferenceId}", feature.Path, referenceId);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Index", referenceId);
    }

    [Route("/error/{statusCode:int}")]
    public IActionResult Status()
    {
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (reExecute is null)
        {
            // Visited directly rather than re-executed after an error status.
            return NotFound();
        }
        // The status comes from the pipeline, never from the request (a broken form must not decide it).
        Response.StatusCode = reExecute.OriginalStatusCode;
        return View("Status", reExecute.OriginalStatusCode);
    }
}
