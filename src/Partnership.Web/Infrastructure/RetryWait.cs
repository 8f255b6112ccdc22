using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// How long to wait before trying again, as the 429 and 503 pages say it: from the response's Retry-After seconds,
/// in whole minutes and seconds ("1分後", "45秒後", "1分30秒後"; "1 minute", "45 seconds").
/// </summary>
public static class RetryWait
{
    /// <summary>The key under which a refused request keeps its Retry-After seconds for the re-executed error page.</summary>
    public const string ItemKey = "Portal.RetryAfterSeconds";

    public static string Describe(int seconds, IStringLocalizer t)
    {
        seconds = Math.Max(1, seconds);
        var (minutes, rest) = (seconds / 60, seconds % 60);
        string Text(string key, params object[] args) => t[key, args].Value;
        var min = minutes.ToString(CultureInfo.InvariantCulture);
        var sec = rest.ToString(CultureInfo.InvariantCulture);
        return minutes == 0 ? Text(rest == 1 ? "Wait.Second" : "Wait.Seconds", sec)
            : rest == 0 ? Text(minutes == 1 ? "Wait.Minute" : "Wait.Minutes", min)
            : Text("Wait.MinutesSeconds", min, sec);
    }

    /// <summary>The seconds a response asked the client to wait: kept by the rate limiter, or read from the header.</summary>
    public static int? Seconds(HttpContext http) =>
        http.Items[ItemKey] is int kept ? kept
        : int.TryParse(http.Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var header) ? header
        : null;
}
