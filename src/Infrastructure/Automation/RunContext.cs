using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>One rule running for one lead: its context (tracked lead), what the actions changed and whom to tell after the commit.</summary>
internal sealed class RunContext
{
    public required AgencyDbContext Db { get; init; }
    public required ITenantDbContextFactory Contexts { get; init; }
    public required TenantInfo Agency { get; init; }
    public required AutomationRule Rule { get; init; }
    public required Lead Lead { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required AuditActor Actor { get; init; }
    public required LeadDictionaries Dictionaries { get; init; }
    public required CustomFieldSet Fields { get; init; }
    public required PersonalDataProtector Protector { get; init; }

    /// <summary>Field and tag changes, audited together as one "lead.updated" entry.</summary>
    public List<Domain.Leads.FieldChange> Changes { get; } = [];
    public List<Notification> Notifications { get; } = [];
    /// <summary>Boards whose card moved (the board it left, when another).</summary>
    public List<(Guid BoardId, Guid? FromStageId, Guid? FromBoardId)> Moves { get; } = [];
    public bool LeadChanged { get; set; }
    public bool Did { get; set; }
    public bool Queued { get; set; }
}

/// <summary>The audit actor of a rule's changes. Audit entries keep names as written (like members' names), so the rule's name is part of it.</summary>
public static class AutomationActor
{
    public const string IdPrefix = "automation:";

    public static AuditActor Of(AutomationRule rule) => new(IdPrefix + rule.Id.ToString("N"), $"自动化规则“{rule.Name}”");
}
