using Microsoft.AspNetCore.Mvc;
using Partnership.Infrastructure.Spreadsheets;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// A CSV export as the answer of an action or an endpoint: a header row, then the rows as they are read, streamed
/// through <see cref="SpreadsheetFiles"/> (UTF-8 with BOM, the one escaping rule) as an attachment.
/// </summary>
public sealed class CsvDownload(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows) : IActionResult, IResult
{
    public CsvDownload(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
        : this(fileName, header, rows.ToAsyncEnumerable())
    {
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = SpreadsheetFiles.CsvContentType;
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return SpreadsheetFiles.WriteCsvAsync(httpContext.Response.Body, WithHeader(), httpContext.RequestAborted);
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> WithHeader()
    {
        yield return [.. header];
        await foreach (var row in rows)
        {
            yield return row;
        }
    }
}
