using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Outbox;

/// <summary>
/// Delivers an agency's due outbox messages through <see cref="ISmsSender"/> / <see cref="IEmailSender"/>. Each message
/// is claimed by a conditional update (its due time moves forward and its attempts go up), so two nodes never send it
/// twice; a refused one is tried again later, at most <see cref="OutboxMessage.MaxAttempts"/> times, then marked failed.
/// </summary>
public sealed class DeliverOutbox(TenantDatabaseConnector connector, TenantKeyRing keys, ISmsSender sms, IEmailSender email, ILiveEvents live, TimeProvider time)
{
    public const int BatchSize = 50;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <returns>Messages sent.</returns>
    public async Task<int> HandleAsync(TenantInfo agency, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= now).OrderBy(m => m.DueAt).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var protector = await keys.ForAsync(agency.Id, ct);
        var sent = 0;
        foreach (var message in due)
        {
            var attempts = message.Attempts + 1;
            var claimed = await db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.Attempts == message.Attempts && m.DueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.DueAt, now + ClaimFor), ct);
            if (claimed != 1) continue;
            string? error = null;
            try
            {
                if (message.Channel == OutboxChannel.Sms)
                    await sms.SendAsync(agency, protector.Decrypt(PersonalDataKind.Mobile, message.Recipient.Cipher!), message.Body, ct);
                else
                    await email.SendAsync(agency, protector.Decrypt(PersonalDataKind.Email, message.Recipient.Cipher!), message.Subject ?? "", message.Body, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message.Length > 200 ? e.Message[..200] : e.Message;
            }
            var done = time.GetUtcNow();
            if (error is null)
            {
                await db.OutboxMessages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, done).SetProperty(m => m.Error, (string?)null), ct);
                sent++;
            }
            else
            {
                var status = attempts >= OutboxMessage.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                var retryAt = done + TimeSpan.FromMinutes(Math.Pow(2, attempts));
                await db.OutboxMessages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Error, error).SetProperty(m => m.DueAt, retryAt), ct);
            }
        }
        await live.PublishAsync(AutomationLive.Topic(agency.Id), AutomationLive.Queued, ct);
        return sent;
    }
}
