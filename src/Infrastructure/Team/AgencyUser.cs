using LoanSaaS.Domain.Team;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>A member of an agency, stored with ASP.NET Core Identity in the agency's own database.</summary>
public sealed class AgencyUser : IdentityUser
{
    public required string FullName { get; set; }
    public AgencyRole Role { get; set; }
    public Guid? TeamId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>On leave through this Shanghai day: assignment rules pass the member by.</summary>
    public DateOnly? AwayUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    /// <summary>Set while an invitation is open: the person chooses their own password through the link.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
}
