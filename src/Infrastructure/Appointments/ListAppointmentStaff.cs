using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>
/// Colleagues who may attend a visit: every active member, whatever their team — a risk reviewer or a manager from
/// another team often joins a 谈单. They see the visit, not the rest of the lead's file (<see cref="AppointmentAccess"/>).
/// </summary>
public sealed class ListAppointmentStaff(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<LeadAssignee>> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        return await LeadAssignees.ListAsync(db, user with { Scope = DataScope.All }, ct);
    }
}
