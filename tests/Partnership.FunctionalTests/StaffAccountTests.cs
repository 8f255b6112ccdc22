using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.FunctionalTests;

public sealed class StaffAccountTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<string> InviteAsync(string email, string role = "MetroOfficial")
    {
        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        var invited = await admin.PostFormAsync("/admin/staff", "/admin/staff/invite",
            [new("DisplayName", "新任 職員"), new("Email", email), new("Role", role), new("Bureau", "産業労働局"), new("Division", "雇用就業部")]);
        Assert.Equal("/admin/staff", invited.Headers.Location!.OriginalString);
        var body = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).Select(m => m.BodyText).SingleAsync());
        return Regex.Match(body, @"http://localhost(/staff-invitations/\S+)").Groups[1].Value;
    }

    [Fact]
    public async Task An_invited_official_sets_a_password_must_set_up_two_factor_before_anything_else_and_the_link_works_once()
    {
        var link = await InviteAsync("new.official@metro.example.jp");
        var official = _portal.CreatePortalClient();
        Assert.Contains("産業労働局", await _portal.WithDbAsync(db => db.StaffInvitations.Select(i => i.Bureau).SingleAsync()));
        var accepted = await official.PostFormAsync(link, link, [new("Password", "official-pass-2468"), new("ConfirmPassword", "official-pass-2468")]);
        Assert.Equal("/account/two-factor", accepted.Headers.Location!.OriginalString);

        // Without two-factor sign-in, every staff page leads back to its set-up.
        Assert.Equal("/account/two-factor", (await official.GetAsync("/catalog/manage")).Headers.Location!.OriginalString);
        Assert.Equal("/account/two-factor", (await official.GetAsync("/me")).Headers.Location!.OriginalString);

        // The key is shown only after the password is confirmed (ADR 0066).
        Assert.DoesNotContain("shared-key", await official.GetStringAsync("/account/two-factor"));
        var setup = await (await official.PostFormAsync("/account/two-factor", "/account/two-factor/start", [new("Password", "official-pass-2468")])).Content.ReadAsStringAsync();
        var key = Regex.Match(setup, "data-testid=\"shared-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Contains("data:image/png;base64,", setup);
        var ticket = System.Net.WebUtility.HtmlDecode(Regex.Match(setup, "name=\"Ticket\" value=\"([^\"]+)\"").Groups[1].Value);
        var enabled = await official.PostFormAsync("/account/two-factor", "/account/two-factor", [new("Code", Totp.Code(key)), new("Ticket", ticket)]);
        Assert.Contains("2段階認証を設定しました", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/catalog/manage")).StatusCode);

        // The link cannot be used again.
        var again = await _portal.CreatePortalClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // Signing in again asks for the code.
        var fresh = _portal.CreatePortalClient();
        Assert.Equal("/me", (await fresh.SignInAsync("new.official@metro.example.jp", "official-pass-2468", key)).Headers.Location!.OriginalString);
        var user = await _portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "new.official@metro.example.jp"));
        Assert.Equal(("産業労働局", "雇用就業部", true), (user.Bureau, user.Division, user.TwoFactorEnabled));
    }

    [Fact]
    public async Task An_invitation_expires()
    {
        var link = await InviteAsync("late@metro.example.jp");
        await _portal.WithDbAsync(async db =>
        {
            var invitation = await db.StaffInvitations.SingleAsync();
            invitation.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        var response = await _portal.CreatePortalClient().PostFormAsync("/account/login", link, [new("Password", "late-pass-2468"), new("ConfirmPassword", "late-pass-2468")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "late@metro.example.jp")));
    }

    [Fact]
    public async Task Staff_cannot_register_themselves_as_staff()
    {
        var client = _portal.CreatePortalClient();
        await client.PostFormAsync("/account/register", "/account/register",
            [new("DisplayName", "自称 職員"), new("Email", "self@metro.example.jp"), new("Password", "self-pass-2468"), new("ConfirmPassword", "self-pass-2468"), new("Role", "MetroOfficial")]);
        var roles = await _portal.WithDbAsync(db => db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == "self@metro.example.jp"))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(["Company"], roles);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_keeps_their_records_and_the_change_is_audited()
    {
        var chamberId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Chamber).Select(u => u.Id).SingleAsync());
        var admin = _portal.CreatePortalClient();
        await admin.SignInAsync(DemoUsers.Admin);
        await admin.PostFormAsync("/admin/staff", $"/admin/staff/{chamberId}/deactivate", []);

        var attempt = await _portal.CreatePortalClient().SignInAsync(DemoUsers.Chamber);
        Assert.Contains("このアカウントは利用停止中です", await attempt.Content.ReadAsStringAsync());
        Assert.True(await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == chamberId)));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AppUser" && a.EntityId == chamberId && a.Changes.Contains("IsActive"))));

        await admin.PostFormAsync("/admin/staff", $"/admin/staff/{chamberId}/reactivate", []);
        Assert.Equal("/me", (await _portal.CreatePortalClient().SignInAsync(DemoUsers.Chamber)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_deactivated_nor_demoted()
    {
        // A second administrator tries to remove the first, who is the only other one.
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var second = new AppUser { UserName = "admin2@example.jp", Email = "admin2@example.jp", EmailConfirmed = true, DisplayName = "管理者2" };
            await users.CreateAsync(second, "admin2-pass-2468");
            await users.AddToRoleAsync(second, "Administrator");
            await users.SetAuthenticationTokenAsync(second, "[AspNetUserStore]", "AuthenticatorKey", Partnership.Infrastructure.Seeding.IdentitySeeder.DemoAuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(second, true);
        }
        var ids = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Admin || u.Email == "admin2@example.jp").ToDictionaryAsync(u => u.Email!, u => u.Id));
        var first = _portal.CreatePortalClient();
        await first.SignInAsync(DemoUsers.Admin);
        await first.PostFormAsync("/admin/staff", $"/admin/staff/{ids["admin2@example.jp"]}/deactivate", []);

        var second2 = _portal.CreatePortalClient();
        Assert.Contains("利用停止中", await (await second2.SignInAsync("admin2@example.jp", "admin2-pass-2468")).Content.ReadAsStringAsync());

        // Now the first is the last active administrator: another administrator session cannot remove it.
        var demote = await first.PostFormAsync("/admin/staff", $"/admin/staff/{ids["admin2@example.jp"]}/role", [new("role", "MetroOfficial")]);
        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);
        await using var check = _portal.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var firstAdmin = await manager.FindByIdAsync(ids[DemoUsers.Admin]);
        Assert.True(await manager.IsInRoleAsync(firstAdmin!, "Administrator"));
        var outcome = await check.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(ids[DemoUsers.Admin]);
        Assert.Equal("Staff.LastAdministrator", outcome.Errors[0].Code);
        var roleChange = await check.ServiceProvider.GetRequiredService<StaffService>().ChangeRoleAsync(ids[DemoUsers.Admin], "MetroOfficial");
        Assert.Equal("Staff.LastAdministrator", roleChange.Errors[0].Code);
    }
}
