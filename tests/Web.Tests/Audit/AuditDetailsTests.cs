using System.Text.Json;
using Bunit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Web.Audit;
using LoanSaaS.Web.Tests.Harness;

namespace LoanSaaS.Web.Tests.Audit;

/// <summary>Audit details as the use cases write them (AuditLog serializes with default options) read as field changes and labelled values.</summary>
public sealed class AuditDetailsTests : WebTestContext
{
    private static string Json(object details) => JsonSerializer.Serialize(details);

    [Fact]
    public void Field_changes_and_old_new_pairs_become_changes_and_the_rest_values()
    {
        var merged = Json(new { merged = "L202611230002", followUps = 1, changes = new[] { new FieldChange("City", null, "上海"), new FieldChange("Mobile", "138****0001", "139****0002") } });
        Assert.Equal(
            [new AuditDetailLine("merged", "L202611230002"), new AuditDetailLine("followUps", "1"),
             new AuditDetailLine("City", null, null, "上海", true), new AuditDetailLine("Mobile", null, "138****0001", "139****0002", true)],
            AuditDetailLines.Parse(merged));

        var member = Json(new { old = new { role = "sales", team = (Guid?)null }, @new = new { role = "manager", team = (Guid?)null } });
        Assert.Equal([new AuditDetailLine("role", null, "sales", "manager", true)], AuditDetailLines.Parse(member));

        Assert.Empty(AuditDetailLines.Parse(null));
        Assert.Equal([new AuditDetailLine("", "not json")], AuditDetailLines.Parse("not json"));
    }

    [Fact]
    public void Details_render_with_Chinese_labels_and_without_related_ids()
    {
        var json = Json(new { merged = "L202611230002", mergedId = Guid.NewGuid(), channel = "Import", changes = new[] { new FieldChange("AmountWan", null, "80") } });

        var details = Render<AuditDetails>(p => p.Add(d => d.Json, json));

        var text = details.Find("[data-testid='audit-details']").TextContent;
        Assert.Contains("合并了", text);
        Assert.Contains("L202611230002", text);
        Assert.DoesNotContain("mergedId", text);
        Assert.Contains("批量导入", text);
        Assert.Contains("80", text);
        Assert.Contains("→", text);
    }
}
