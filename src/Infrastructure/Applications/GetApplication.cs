using System.Text.Json;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// An application as its page shows it: terms, the co-borrower / guarantor (mobile masked), the customer (mobile masked), the product's checklist with current and
/// replaced documents, the timeline and what the viewer may do. For its sales side (data scope) and reviewers; anything
/// else is Application.NotFound.
/// </summary>
public sealed class GetApplication(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    /// <summary>Document views are audited but not part of the story the timeline tells.</summary>
    private static readonly string[] TimelineActions =
    [
        "application.created", "application.updated", "application.document.uploaded", "application.document.reviewed",
        "application.submitted", "application.refused", "application.withdrawn",
    ];

    public async Task<Result<ApplicationDetail>> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var a = await db.LoanApplications.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(x => x.Id == applicationId, ct);
        if (a is null) return Result<ApplicationDetail>.Fail([ApplicationAccess.NotFound]);
        var customer = await db.Leads.AsNoTracking().Where(l => l.Id == a.LeadId)
            .Select(l => new { l.Name, l.CustomerNumber, Mobile = l.Mobile.Masked }).FirstAsync(ct);
        var product = await db.LoanProducts.AsNoTracking().FirstAsync(p => p.Id == a.ProductId, ct);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == a.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == a.Id).ToListAsync(ct);
        var missing = ApplicationChecklist.Missing(product.RequiredDocuments, documents);
        var key = a.Id.ToString();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "application" && e.EntityId == key && TimelineActions.Contains(e.Action))
            .OrderByDescending(e => e.Id).Take(500).Select(e => new { e.At, e.Action, e.ActorName, e.Details }).ToListAsync(ct);

        var works = user.CanWork(a);
        var editable = works && ApplicationInputRules.IsEditable(a.Status);
        var can = new ApplicationAbilities(editable, editable, works && ApplicationInputRules.IsOpen(a.Status), editable,
            user.Can(Permission.ApproveApplications) && a.OwnerId != user.UserId && ApplicationInputRules.IsOpen(a.Status));
        return Result<ApplicationDetail>.Ok(new ApplicationDetail(
            a.Id, a.Number, a.LeadId, customer.Name, customer.CustomerNumber, customer.Mobile, ProductTerms.Of(product),
            a.AmountWan, a.TermMonths, a.RepaymentMethod, a.Purpose, a.Status, a.CurrentStep, a.OwnerId, owner,
            a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.DecidedAt, a.Version,
            Checklist(product.RequiredDocuments, documents, missing), missing,
            audit.Select(e => new ApplicationTimelineEntry(e.At, e.Action["application.".Length..], e.ActorName, Details(e.Details))).ToList(), can,
            a.RelatedRole is { } role ? new ApplicationRelatedView(role, a.RelatedName, a.RelatedRelation, a.RelatedMobile.Masked) : null));
    }

    private static List<ChecklistItemView> Checklist(IReadOnlyList<string> required, List<ApplicationDocument> documents, IReadOnlyList<string> missing) =>
        ApplicationChecklist.Items(required).Select(item =>
        {
            var filed = documents.Where(d => d.Item == item).OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id).ToList();
            return new ChecklistItemView(item, required.Contains(item), missing.Contains(item),
                filed.Where(d => !d.IsSuperseded).Select(ApplicationDocumentView.Of).ToList(),
                filed.Where(d => d.IsSuperseded).Select(ApplicationDocumentView.Of).ToList());
        }).ToList();

    /// <summary>The audit entry's top-level details as text (changes as "field:from→to" joined).</summary>
    private static Dictionary<string, string> Details(string? json)
    {
        var data = new Dictionary<string, string>();
        if (json is null) return data;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            data[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Array => string.Join("|", p.Value.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Object
                    ? $"{Text(c, "field")}:{Text(c, "from")}→{Text(c, "to")}" : c.ToString())),
                _ => p.Value.GetRawText(),
            };
        return data;
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
