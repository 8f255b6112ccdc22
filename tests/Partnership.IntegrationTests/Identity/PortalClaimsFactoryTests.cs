using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Partnership.Core.Common;
using Partnership.Infrastructure;
using Partnership.Infrastructure.Data;
using Partnership.Infrastructure.Identity;
using Partnership.TestKit;

namespace Partnership.IntegrationTests.Identity;

/// <summary>The principal built at sign-in: what the portal reads, read from the database.</summary>
public class PortalClaimsFactoryTests
{
    [Fact]
    public async Task The_principal_carries_id_name_address_stamp_roles_and_the_two_factor_flag()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddPartnershipData(database.Settings);
        services.AddIdentityCore<AppUser>(IdentityPolicy.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await roles.CreateAsync(new IdentityRole(Roles.MetroOfficial));
        await roles.CreateAsync(new IdentityRole(Roles.Administrator));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "official@metro.example.jp", Email = "official@metro.example.jp", EmailConfirmed = true, DisplayName = "都職員", TwoFactorEnabled = true };
        Assert.True((await users.CreateAsync(user, "claims-pass-1234")).Succeeded);
        await users.AddToRolesAsync(user, [Roles.MetroOfficial, Roles.Administrator]);

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);

        Assert.Equal(IdentityConstants.ApplicationScheme, principal.Identity!.AuthenticationType);
        Assert.Equal(user.Id, principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("official@metro.example.jp", principal.Identity.Name);
        Assert.Equal("official@metro.example.jp", principal.FindFirstValue(ClaimTypes.Email));
        Assert.Equal(user.SecurityStamp, principal.FindFirstValue("AspNet.Identity.SecurityStamp"));
        Assert.True(principal.IsInRole(Roles.MetroOfficial));
        Assert.True(principal.IsInRole(Roles.Administrator));
        Assert.False(principal.IsInRole(Roles.Company));
        Assert.Equal("1", principal.FindFirstValue(PortalClaimsFactory.TwoFactorClaim));
    }
}
