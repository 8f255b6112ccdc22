using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Partnership.Core.Common;
using Partnership.Core.Companies;
using Partnership.Web.Authorization;

namespace Partnership.UnitTests.Web;

/// <summary>The company policy decided on a membership already read for the signed-in user (OwnCompany), with no second read.</summary>
public class CompanyMembershipHandlerTests
{
    private static ClaimsPrincipal User(string id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private static async Task<bool> DecideAsync(ClaimsPrincipal user, CompanyMember membership, CompanyAccess access)
    {
        var requirement = new CompanyAccessRequirement(access);
        var context = new AuthorizationHandlerContext([requirement], user, membership);
        await new CompanyMembershipHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Fact]
    public async Task A_company_user_acts_on_the_company_of_their_own_membership()
    {
        Assert.True(await DecideAsync(User("u1", Roles.Company), new CompanyMember { UserId = "u1", CompanyId = 7 }, CompanyAccess.Member));
    }

    [Fact]
    public async Task Someone_else_s_membership_is_refused()
    {
        Assert.False(await DecideAsync(User("u1", Roles.Company), new CompanyMember { UserId = "u2", CompanyId = 7 }, CompanyAccess.Member));
    }

    [Fact]
    public async Task Without_the_company_role_a_membership_gives_nothing()
    {
        Assert.False(await DecideAsync(User("u1", Roles.MetroOfficial), new CompanyMember { UserId = "u1", CompanyId = 7 }, CompanyAccess.Member));
    }

    [Fact]
    public async Task Owner_only_actions_need_the_owner()
    {
        Assert.False(await DecideAsync(User("u1", Roles.Company), new CompanyMember { UserId = "u1", CompanyId = 7, IsOwner = false }, CompanyAccess.Owner));
        Assert.True(await DecideAsync(User("u1", Roles.Company), new CompanyMember { UserId = "u1", CompanyId = 7, IsOwner = true }, CompanyAccess.Owner));
    }
}
