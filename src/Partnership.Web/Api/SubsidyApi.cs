using Partnership.Core.Subsidies;

namespace Partnership.Web.Api;

/// <summary>Open data: subsidy windows with their state and remaining budget.</summary>
public static class SubsidyApi
{
    public sealed record WindowDto(
        int Id, string Program, string ProgramNameJa, string Measure, string Opens, string Closes, string State, long Budget, long Remaining, string Allotment, string Rate, long Cap);

    public static IEndpointRouteBuilder MapSubsidyApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/subsidies").WithTags("Subsidies").AllowAnonymous()
            .MapGet("/windows", async (SubsidyService subsidies, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (await subsidies.WindowsAsync(ct)).Select(w => new WindowDto(
                    w.Id, w.Program!.Code, w.Program.NameJa, w.Program.MeasureKey,
                    new DateTimeOffset(w.OpensAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                    new DateTimeOffset(w.ClosesAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(w.StateAt(now).ToString()), w.BudgetYen, w.RemainingYen,
                    System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(w.Allotment.ToString()), w.Rate, w.CapYen)).ToList();
            })
            .WithName("GetSubsidyWindows")
            .WithSummary("Subsidy application windows (受付期間): opens and closes in Japan time, state, budget and what remains.");
        return app;
    }
}
