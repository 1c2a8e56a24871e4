using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <summary>What the flow use cases share: the agency's schema, roles and members, and problems as field errors.</summary>
public static class ApprovalFlowData
{
    public static readonly IReadOnlySet<string> RoleKeys = AgencyRoles.All.Select(AgencyRoles.Key).ToHashSet(StringComparer.Ordinal);

    public static LiveTopic Topic(Guid agencyId) => new(agencyId, "approval-flows");

    public static readonly LiveMessage Changed = new("flows");

    /// <summary>Every problem of <paramref name="definition"/> in this agency: structure, branch conditions over its fields, and roles and members that exist.</summary>
    public static async Task<IReadOnlyList<ApprovalFlowProblem>> ProblemsAsync(AgencyDbContext db, ApprovalFlowDefinition definition, CancellationToken ct)
    {
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var members = (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return [.. ApprovalFlowValidator.Validate(definition, ApplicationConditions.With(fields.All)), .. ApprovalFlowValidator.CheckApprovers(definition, RoleKeys, members)];
    }

    /// <summary>A problem as a field error: field "Nodes.{id}" (or "Flow"), code the problem's kind.</summary>
    public static IReadOnlyList<FieldError> ToErrors(IEnumerable<ApprovalFlowProblem> problems) =>
        problems.Select(p => new FieldError(p.NodeId is null ? "Flow" : "Nodes." + p.NodeId, p.Kind.ToString())).Distinct().ToList();

    /// <summary>Versions of <paramref name="flowKey"/>, newest first; empty for a key this agency does not have.</summary>
    public static Task<List<ApprovalFlowVersion>> VersionsAsync(AgencyDbContext db, string flowKey, CancellationToken ct) =>
        db.ApprovalFlows.Where(f => f.FlowKey == flowKey).OrderByDescending(f => f.Version).ToListAsync(ct);

    /// <summary>Checks a definition's size and names before it is stored (a draft may still have problems).</summary>
    public static IReadOnlyList<FieldError> CheckShape(string? name, ApprovalFlowDefinition? definition)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Name", "Required"));
        else if (name.Trim().Length > ApprovalFlowVersion.MaxNameLength) errors.Add(new("Name", "TooLong"));
        if (definition is null) errors.Add(new("Flow", "Required"));
        else if (definition.Nodes.Count > ApprovalFlowVersion.MaxNodes || definition.Edges.Count > ApprovalFlowVersion.MaxNodes * 4) errors.Add(new("Flow", "TooBig"));
        else if (definition.Nodes.Any(n => n.Id.Length is 0 or > 40 || n.Name.Length > 30)) errors.Add(new("Flow", "NodeTooLong"));
        return errors;
    }
}
