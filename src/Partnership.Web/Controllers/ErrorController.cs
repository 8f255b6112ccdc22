using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Partnership.Infrastructure.Data;

namespace Partnership.Web.Controllers;

/// <summary>
/// Friendly error pages. An unexpected error shows a reference id that support can find in the logs; an overloaded
/// database (no connection within the wait, a write or statement past its bound) is a 503 with Retry-After and a
/// page that says nothing was received and the saved draft is kept (docs/operations.md, "Timeouts and pools").
/// </summary>
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
        if (DatabaseOverload.Is(feature.Error))
        {
            logger.LogWarning("Database overloaded on {Path}: {Message}", feature.Path, feature.Error.Message);
            return Busy();
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
        if (reExecute.OriginalStatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            // A request past its time-out (RequestTimeouts): nothing it began was committed.
            return Busy();
        }
        Response.StatusCode = reExecute.OriginalStatusCode;
        if (reExecute.OriginalStatusCode == StatusCodes.Status429TooManyRequests && Infrastructure.RetryWait.Seconds(HttpContext) is { } seconds)
        {
            ViewData["RetryAfterSeconds"] = seconds;
        }
        return View("Status", reExecute.OriginalStatusCode);
    }

    /// <summary>How long a client is asked to wait before trying again after a 503.</summary>
    public const int RetryAfterSeconds = 60;

    private ViewResult Busy()
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return View("Status", StatusCodes.Status503ServiceUnavailable);
    }
}
