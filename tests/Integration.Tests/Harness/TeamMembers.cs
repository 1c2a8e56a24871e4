using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Integration.Tests.Harness;

public sealed record Member(string UserId, string FullName, string Mobile, string Email, AgencyRole Role, string? Password, PasswordLink? Invitation);

public static class TeamMembers
{
    /// <summary>Adds a member through the AddMember use case as the agency's owner; password null = invitation.</summary>
    public static async Task<Member> AddAsync(this AppHost app, Agency agency, AgencyRole role, string? password = TestIds.Password)
    {
        var name = $"成员{TestIds.Hex8()}";
        var mobile = TestIds.Mobile();
        var email = TestIds.Email(role.ToString().ToLowerInvariant());
        await using var owner = await app.OwnerScopeAsync(agency);
        var result = await owner.Get<AddMember>().HandleAsync(new AddMemberRequest(name, mobile, email, role, null, password), CancellationToken.None);
        Assert.True(result.Succeeded, $"AddMember failed: {string.Join(", ", result.Errors)}");
        return new Member(result.Value!.UserId, name, mobile, email, role, password, result.Value.Invitation);
    }
}
