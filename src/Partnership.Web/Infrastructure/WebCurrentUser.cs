using System.Security.Claims;
using Partnership.Core.Common;

namespace Partnership.Web.Infrastructure;

/// <summary>The signed-in user of the current request, for audit fields.</summary>
public sealed class WebCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
