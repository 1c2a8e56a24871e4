using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <summary>Sample values of an application; <paramref name="Custom"/> maps an agency field's key to its text.</summary>
public sealed record ApprovalSample(decimal? AmountWan, int? TermMonths, Guid? ProductId, string? LoanType, int? Age, CreditStatus? CreditStatus,
    LenderKind? LenderKind, IReadOnlyDictionary<string, string>? Custom = null);

/// <param name="Definition">The designer's unsaved flow; null simulates the stored version.</param>
public sealed record SimulateApprovalFlowRequest(string FlowKey, Guid VersionId, ApprovalFlowDefinition? Definition, ApprovalSample Sample);

/// <summary>A node on the simulated path: who would decide there (members by name; "the applicant's manager" as a flag) and the branch taken into it.</summary>
public sealed record SimulatedStep(string NodeId, string Name, ApprovalNodeKind Kind, IReadOnlyList<string> Approvers, bool ApplicantManager, string? Branch,
    ApprovalOutcome? Outcome);

/// <summary>
/// The path a submission with <see cref="ApprovalSample"/> takes when every approver approves (needs ManageSettings).
/// Refusals: Flow.NotFound; the flow's problems as with publishing (an invalid flow has no reliable path); Custom.{key}.Invalid.
/// </summary>
public sealed class SimulateApprovalFlow(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<SimulatedStep>>> HandleAsync(SimulateApprovalFlowRequest request, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var version = await db.ApprovalFlows.AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.VersionId && f.FlowKey == request.FlowKey, ct);
        if (version is null) return Result<IReadOnlyList<SimulatedStep>>.Fail("Flow", "NotFound");
        var definition = request.Definition ?? version.Definition;
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var schema = ApplicationConditions.With(fields.All);
        var problems = ApprovalFlowValidator.Validate(definition, schema);
        if (problems.Count > 0) return Result<IReadOnlyList<SimulatedStep>>.Fail(ApprovalFlowData.ToErrors(problems));

        var now = time.GetUtcNow();
        var (facts, errors) = await FactsAsync(db, request.Sample, fields, now, ct);
        if (errors.Count > 0) return Result<IReadOnlyList<SimulatedStep>>.Fail(errors);
        var path = new ApprovalPath(definition, schema).Simulate(facts, now);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.FullName, u.Role }).ToListAsync(ct);
        var steps = new List<SimulatedStep>();
        for (var i = 0; i < path.Count; i++)
        {
            var node = path[i];
            var branch = i > 0 && path[i - 1].Kind == ApprovalNodeKind.Condition
                ? definition.Edges.FirstOrDefault(e => e.From == path[i - 1].Id && e.To == node.Id)?.Label
                : null;
            var approvers = node.Approvers;
            var names = approvers?.ApproverKind switch
            {
                ApproverKind.Role => members.Where(m => approvers.RoleKeys.Contains(AgencyRoles.Key(m.Role))).Select(m => m.FullName).ToList(),
                ApproverKind.Users => approvers.UserIds.Select(id => members.FirstOrDefault(m => m.Id == id)?.FullName).OfType<string>().ToList(),
                _ => [],
            };
            steps.Add(new SimulatedStep(node.Id, node.Name, node.Kind, node.Kind == ApprovalNodeKind.Approve ? names : [],
                node.Kind == ApprovalNodeKind.Approve && approvers?.ApproverKind == ApproverKind.ApplicantManager, branch, node.Outcome));
        }

        return Result<IReadOnlyList<SimulatedStep>>.Ok(steps);
    }

    private static async Task<(ApplicationFacts, List<FieldError>)> FactsAsync(AgencyDbContext db, ApprovalSample sample, CustomFieldSet fields, DateTimeOffset now,
        CancellationToken ct)
    {
        var product = sample.ProductId is { } id ? await db.LoanProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        var errors = new List<FieldError>();
        if (sample.ProductId is not null && product is null) errors.Add(new("ProductId", "Unknown"));
        var values = new List<CustomFieldValue>();
        foreach (var (key, text) in sample.Custom ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (fields.Find(key) is not { IsArchived: false, IsPersonalData: false } field || Parse(field, text.Trim()) is not { Count: > 0 } parsed)
                errors.Add(new("Custom." + key, "Invalid"));
            else values.AddRange(parsed);
        }

        var amount = sample.AmountWan;
        var term = sample.TermMonths;
        return (new ApplicationFacts
        {
            Age = sample.Age, CreditStatus = sample.CreditStatus, ProductId = product?.Id, LoanType = sample.LoanType ?? product?.LoanType,
            LenderKind = sample.LenderKind ?? product?.LenderKind, AmountWan = amount, TermMonths = term,
            AmountWithinProduct = product is null || amount is null ? null : amount >= product.MinAmountWan && amount <= product.MaxAmountWan,
            TermWithinProduct = product is null || term is null ? null : term >= product.MinTermMonths && term <= product.MaxTermMonths,
            CustomValues = values,
        }, errors);
    }

    private static List<CustomFieldValue> Parse(CustomField field, string text) => field.Type switch
    {
        FieldType.Number or FieldType.Money or FieldType.Percentage when CustomFieldValueRules.TryParseNumber(field.Type, text, out var number) =>
            [new() { FieldId = field.Id, Number = number }],
        FieldType.Date when CustomFieldValueRules.TryParseDate(text, out var date) => [new() { FieldId = field.Id, Date = date }],
        FieldType.YesNo when CustomFieldValueRules.TryParseYesNo(text, out var flag) => [new() { FieldId = field.Id, Flag = flag }],
        FieldType.MultiSelect => text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new CustomFieldValue { FieldId = field.Id, Text = t }).ToList(),
        FieldType.Number or FieldType.Money or FieldType.Percentage or FieldType.Date or FieldType.YesNo => [],
        _ => [new() { FieldId = field.Id, Text = text }],
    };
}
