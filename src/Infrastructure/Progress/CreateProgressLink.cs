using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Outbox;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Progress;

/// <param name="Origin">The agency's address as the member's browser reached it (e.g. https://acme.example.com), for the full link; it must be this agency's host.</param>
/// <param name="SmsTemplate">When set, the link also goes to the customer's mobile by SMS: the text with {agency}, {link} and {days} filled in.</param>
public sealed record CreateProgressLinkRequest(Guid ApplicationId, int Days, string Origin, string? SmsTemplate = null);

/// <param name="Token">Shown once: only its hash is kept.</param>
/// <param name="SentTo">The masked mobile the SMS went to.</param>
public sealed record CreatedProgressLink(Guid LinkId, string Token, string Url, DateTimeOffset ExpiresAt, string? SentTo);

/// <summary>
/// Makes a customer progress link for an application in the member's scope: a fresh random token (its hash stored),
/// valid 1–30 days, optionally sent to the customer by SMS through the notification outbox (recipient sealed, delivered
/// at once by the local channel). Audited without the token.
/// </summary>
public sealed class CreateProgressLink(
    ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, HostTenantStrategy hosts,
    DeliverOutbox outbox, AuditLog audit, TimeProvider time)
{
    public static readonly FieldError DaysOutOfRange = new("Days", "OutOfRange");
    public static readonly FieldError NoMobile = new("Mobile", "Empty");
    public static readonly FieldError BadOrigin = new("Origin", "Invalid");
    public static readonly FieldError Closed = new("Application", "Closed");

    public async Task<Result<CreatedProgressLink>> HandleAsync(CreateProgressLinkRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var agency = tenant.Required;
        if (!ApplicationProgressLink.IsValidDays(request.Days)) return Result<CreatedProgressLink>.Fail([DaysOutOfRange]);
        if (!Uri.TryCreate(request.Origin, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https")
            || hosts.Match(origin.Host) is not HostMatch.Agency { Slug: var slug } || slug != agency.Slug)
            return Result<CreatedProgressLink>.Fail([BadOrigin]);

        await using var db = contexts.Create();
        var application = await db.LoanApplications.AsNoTracking().WorkableBy(user).FirstOrDefaultAsync(a => a.Id == request.ApplicationId, ct);
        if (application is null) return Result<CreatedProgressLink>.Fail([ApplicationAccess.NotFound]);
        if (application.Status == ApplicationStatus.Withdrawn) return Result<CreatedProgressLink>.Fail([Closed]);

        var now = time.GetUtcNow();
        var token = ProgressTokens.New();
        var url = new Uri(origin, ProgressTokens.PathOf(token)).ToString();
        var link = new ApplicationProgressLink
        {
            ApplicationId = application.Id, TokenHash = ProgressTokens.Hash(token)!, CreatedById = user.UserId, CreatedByName = user.FullName,
            CreatedAt = now, ExpiresAt = now.AddDays(request.Days), Version = 1,
        };
        string? sentTo = null;
        if (!string.IsNullOrWhiteSpace(request.SmsTemplate))
        {
            var mobile = await db.Leads.AsNoTracking().Where(l => l.Id == application.LeadId).Select(l => l.Mobile).FirstOrDefaultAsync(ct);
            if (mobile is not { HasValue: true }) return Result<CreatedProgressLink>.Fail([NoMobile]);
            var body = request.SmsTemplate.Replace("{agency}", agency.Name, StringComparison.Ordinal)
                .Replace("{days}", request.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{link}", url, StringComparison.Ordinal);
            if (body.Length > OutboxMessage.MaxBodyLength) body = body[..OutboxMessage.MaxBodyLength];
            db.OutboxMessages.Add(new OutboxMessage { Channel = OutboxChannel.Sms, Recipient = mobile, Body = body, LeadId = application.LeadId, CreatedAt = now, DueAt = now });
            link.SentAt = now;
            sentTo = mobile.Masked;
        }
        db.ApplicationProgressLinks.Add(link);
        audit.Add(db, LeadDetailAccess.Actor(user), "application.progresslink.created", "application", application.Id.ToString(),
            new { link = link.Id, days = request.Days, expiresAt = link.ExpiresAt, sentTo });
        await db.SaveChangesAsync(ct);
        if (sentTo is not null) await outbox.HandleAsync(agency, ct);
        return Result<CreatedProgressLink>.Ok(new CreatedProgressLink(link.Id, token, url, link.ExpiresAt, sentTo));
    }
}
