using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure.Data;
using Partnership.Web.Infrastructure;

namespace Partnership.FunctionalTests;

public class AdminBootstrapTests
{
    [Fact]
    public async Task The_first_administrator_is_invited_from_the_command_line_with_a_one_time_link()
    {
        var dir = Path.Combine(Path.GetTempPath(), "partnership-tests", Guid.NewGuid().ToString("N"));
        string[] args = [AdminBootstrap.Command, "--email", "first.admin@metro.example.jp", "--name", "最初の管理者"];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production" });
        builder.Configuration["Portal:DataDirectory"] = dir;
        builder.Configuration["Portal:PublicBaseUrl"] = "https://portal.example.jp/";
        builder.Configuration["DataProtection:Certificate:Path"] = Partnership.TestKit.TestCertificates.CreatePfx(Path.Combine(dir, "secrets"));
        builder.Configuration["DataProtection:Certificate:Password"] = Partnership.TestKit.TestCertificates.Password;
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddPortal();
        await using var app = builder.Build();
        // The link is written to the writer given (the console in production); never swap Console.Out in
        // tests, other tests log to it at the same time.
        var output = new StringWriter();
        var exit = await AdminBootstrap.RunAsync(app, args, output);

        Assert.Equal(0, exit);
        Assert.Matches(@"^https://portal\.example\.jp/staff-invitations/[A-Za-z0-9_-]{43}\r?\n$", output.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var invitation = await db.StaffInvitations.SingleAsync();
            Assert.Equal(("first.admin@metro.example.jp", "Administrator"), (invitation.Email, invitation.Role));
            Assert.Equal(0, await db.Users.CountAsync());
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
