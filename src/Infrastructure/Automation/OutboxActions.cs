using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>SMS and email actions: the filled template goes into the notification outbox with the recipient sealed; the outbox sweep delivers it.</summary>
internal static class OutboxActions
{
    public static async Task<string?> QueueAsync(RunContext run, AutomationAction action, CancellationToken ct)
    {
        var body = await AutomationActions.FillAsync(run, action.Value!.Trim(), ct);
        if (body.Length > OutboxMessage.MaxBodyLength) body = body[..OutboxMessage.MaxBodyLength];
        var recipients = new List<SealedValue>();
        if (action.Kind == ActionKind.SendSms)
        {
            if (action.Target == "lead") recipients.Add(run.Lead.Mobile);
            else if (run.Lead.OwnerId is { } owner
                     && MobileNumbers.Normalize(await run.Db.Users.AsNoTracking().Where(u => u.Id == owner && u.IsActive).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct)) is { } phone)
                recipients.Add(run.Protector.SealMobile(phone));
        }
        else
        {
            var users = await AutomationRecipients.ResolveAsync(run.Db, run.Lead, action.Target, ct);
            var emails = await run.Db.Users.AsNoTracking().Where(u => users.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
            recipients.AddRange(emails.Select(e => SealEmail(run.Protector, e)));
        }
        recipients.RemoveAll(r => !r.HasValue);
        if (recipients.Count == 0) return "Recipient.None";
        foreach (var recipient in recipients)
        {
            run.Db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = action.Kind == ActionKind.SendSms ? OutboxChannel.Sms : OutboxChannel.Email, Recipient = recipient, Body = body,
                Subject = action.Kind == ActionKind.SendEmail ? run.Rule.Name : null, LeadId = run.Lead.Id, RuleId = run.Rule.Id,
                CreatedAt = run.Now, DueAt = run.Now,
            });
        }
        run.Queued = run.Did = true;
        return null;
    }

    public static SealedValue SealEmail(PersonalDataProtector protector, string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return protector.Seal(PersonalDataKind.Email, normalized, Outbox.EmailAddresses.Mask(normalized));
    }
}
