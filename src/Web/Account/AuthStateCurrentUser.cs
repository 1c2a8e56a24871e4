using LoanSaaS.Infrastructure.Team;
using Microsoft.AspNetCore.Components.Authorization;

namespace LoanSaaS.Web.Account;

/// <summary>The member of this request or circuit, from the authentication state (never from IHttpContextAccessor).</summary>
public sealed class AuthStateCurrentUser(AuthenticationStateProvider auth) : ICurrentUserAccessor
{
    public async Task<CurrentUser?> GetAsync(CancellationToken ct = default) =>
        CurrentUser.From((await auth.GetAuthenticationStateAsync()).User);
}
