using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Abuse limits on the doors people knock on: sign-in, registration, password reset, invitations. Per client
/// address, a fixed window (<c>RateLimits:Auth:PermitLimit</c> requests per <c>RateLimits:Auth:WindowSeconds</c>).
/// A refused request gets 429 and the "too many requests" page in the user's language.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:Auth:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:Auth:WindowSeconds", 60));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                // The limiter knows when the window opens again; without that, the whole window.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Items[RetryWait.ItemKey] = seconds;
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Auth, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
    }
}
