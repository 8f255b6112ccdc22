using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partnership.TestKit;

namespace Partnership.FunctionalTests.Security;

/// <summary>Every endpoint the app maps, read from the routing system itself (not from a list someone keeps).</summary>
public static class EndpointInventory
{
    public sealed record MappedEndpoint(string Method, string Route, bool AcceptsFiles, string DisplayName);

    public static IReadOnlyList<MappedEndpoint> Read(PortalFactory portal)
    {
        var sources = portal.Services.GetServices<EndpointDataSource>();
        var result = new List<MappedEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var acceptsFiles = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
                && action.Parameters.Any(p => AcceptsFiles(p.ParameterType));
            foreach (var method in methods is { Count: > 0 } ? methods : ["ANY"])
            {
                result.Add(new MappedEndpoint(method, route, acceptsFiles, endpoint.DisplayName ?? route));
            }
        }
        return result.DistinctBy(e => (e.Method, e.Route)).OrderBy(e => e.Route).ThenBy(e => e.Method).ToList();
    }

    private static bool AcceptsFiles(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type)
        || typeof(IFormFileCollection).IsAssignableFrom(type)
        || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type)
        || (type.IsClass && type != typeof(string) && type.GetProperties().Any(p => p.PropertyType != type && AcceptsFilesShallow(p.PropertyType)));

    private static bool AcceptsFilesShallow(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type);
}
