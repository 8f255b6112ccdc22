using Partnership.Core.Common;
using Partnership.Infrastructure.Identity;

namespace Partnership.Web.Infrastructure;

/// <summary>
/// Production creates no accounts, so the first administrator is invited from the command line:
/// <c>dotnet Partnership.Web.dll invite-admin --email a@example.jp --name "氏名"</c> prints a one-time link
/// (72 hours) where that person sets a password and two-factor sign-in, like any invited staff member.
/// </summary>
public static class AdminBootstrap
{
    public const string Command = "invite-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine($"usage: {Command} --email ADDRESS [--name NAME]");
            return 2;
        }
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffService>();
        var localizer = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        // The whole link, from Portal:PublicBaseUrl (the Development address when there is none, in Development only).
        var links = scope.ServiceProvider.GetRequiredService<PortalLinks>();
        var outcome = await staff.InviteAsync("command-line", new StaffInvite(email, name!, Roles.Administrator, null, null, null, false),
            token => StaffInviteMail.Create(localizer, name!, Roles.Administrator, links.Absolute($"/staff-invitations/{token}")));
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"Not invited: {string.Join(", ", outcome.Errors.Select(e => e.Code))}");
            return 1;
        }
        await output.WriteLineAsync(links.Absolute($"/staff-invitations/{outcome.Value}"));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
