using Microsoft.AspNetCore.Identity;
using Partnership.Core.Catalog;
using Partnership.Core.Common;
using Partnership.Core.Consultations;
using Partnership.Infrastructure.Identity;
using Partnership.Web.Areas.Consultations.Models;

namespace Partnership.Web.Areas.Consultations.Controllers;

/// <summary>What the consultation pages share: people's names, the experts who can be assigned, the request page's model.</summary>
public sealed class ConsultationPages(ConsultationService consultations, CatalogService catalog, UserDirectory directory, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<IReadOnlyList<Person>> ExpertsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Expert)).Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName)).ToList();

    /// <summary>The measures of the latest plan a desk can point at: consultation desks, expert dispatch, support hubs, programmes.</summary>
    public async Task<IReadOnlyList<Measure>> MeasuresAsync(CancellationToken ct) =>
        await catalog.LatestPlanMeasuresAsync(MeasureSide.Metro, ct: ct);

    public async Task<bool> IsActiveExpertAsync(string userId) => (await ExpertsAsync()).Any(e => e.Id == userId);

    public async Task<RequestViewModel?> RequestAsync(int id, Viewer viewer, CancellationToken ct)
    {
        var request = await consultations.FindAsync(id, ct);
        if (request is null)
        {
            return null;
        }
        var ids = request.Sessions.Select(s => s.AdviserUserId)
            .Append(request.AssignedExpertUserId).Append(request.AssignedOfficerUserId).Append(request.RequestedByUserId)
            .OfType<string>().Distinct().ToList();
        var names = await directory.NamesAsync(ids, ct);
        return new RequestViewModel(request, viewer, names,
            viewer == Viewer.Official ? await consultations.DesksAsync(ct) : [],
            viewer == Viewer.Official ? await ExpertsAsync() : [],
            clock.GetUtcNow().UtcDateTime);
    }
}
