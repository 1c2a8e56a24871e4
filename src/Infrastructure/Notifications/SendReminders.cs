using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Appointments;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Notifications;

/// <summary>One reminder pass over every active agency: follow-ups due and visits starting soon.</summary>
public sealed class SendReminders(
    CatalogDbContextFactory catalog, SendFollowUpReminders followUps, SendAppointmentReminders appointments, ILogger<SendReminders> logger)
{
    /// <returns>Notifications created across all active agencies.</returns>
    public async Task<int> HandleAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<TenantInfo> agencies;
        await using (var db = catalog.Create())
            agencies = (await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).ToListAsync(ct)).Select(TenantStore.ToInfo).ToList();

        var sent = 0;
        foreach (var agency in agencies)
        {
            try
            {
                sent += await followUps.HandleAsync(agency, now, ct);
                sent += await appointments.HandleAsync(agency, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreachable agency database must not stop reminders for the others.
                logger.LogWarning(e, "Reminders for agency {Slug} failed", agency.Slug);
            }
        }
        return sent;
    }
}
