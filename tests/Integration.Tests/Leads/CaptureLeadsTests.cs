using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>The one use case every channel ends in: validation, blind-index de-duplication, policies, numbering.</summary>
public abstract class CaptureLeadsTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("capture-leads", () => app.ProvisionAgencyAsync(TestIds.Slug("capture")));

    private static CaptureOptions Import(DuplicatePolicy policy = DuplicatePolicy.FillEmpty) =>
        new(LeadChannel.Import, AuditActor.System, policy);

    [Fact]
    public async Task New_leads_get_numbers_sealed_personal_data_and_derived_birth_dates()
    {
        var agency = await AgencyAsync();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var mobile = TestIds.Mobile();
        var results = await scope.Get<CaptureLeads>().HandleAsync(
            [new LeadInput { Name = " 王 小明 ", Mobile = "+86 " + mobile, IdNumber = "11010519491231002x", LoanType = "抵押贷", Amount = "50万", Term = "3年", Source = "地推", Tags = "优质、有房" }],
            new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty) { OwnerId = agency.OwnerUserId }, CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(CaptureOutcome.Created, result.Outcome);
        Assert.Matches(@"^L\d{8}\d{4,}$", result.Number);
        await using var db = app.OpenAgencyDb(agency.Info);
        var lead = await db.Leads.Include(l => l.Tags).SingleAsync(l => l.Id == result.LeadId);
        Assert.Equal("王 小明", lead.Name);
        Assert.Equal(mobile[..3] + "****" + mobile[7..], lead.Mobile.Masked);
        Assert.DoesNotContain(mobile, System.Text.Encoding.UTF8.GetString(lead.Mobile.Cipher!));
        Assert.Equal(new DateOnly(1949, 12, 31), lead.BirthDate);
        Assert.Equal(50m, lead.AmountWan);
        Assert.Equal(36, lead.TermMonths);
        Assert.Equal("mortgage", lead.LoanType);
        Assert.Equal(["优质", "有房"], lead.Tags.Select(t => t.Tag).Order());
        Assert.Equal(LeadStatus.Active, lead.Status);

        var protector = await scope.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
        Assert.Equal("+86" + mobile, protector.Decrypt(PersonalDataKind.Mobile, lead.Mobile.Cipher!));
    }

    [Fact]
    public async Task Duplicates_are_found_by_mobile_in_the_file_and_in_the_database_under_each_policy()
    {
        var agency = await AgencyAsync();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var capture = scope.Get<CaptureLeads>();
        var mobile = TestIds.Mobile();
        var first = await capture.HandleAsync([new LeadInput { Name = "李四", Mobile = mobile }], Import(), CancellationToken.None);
        Assert.Equal(CaptureOutcome.Created, first[0].Outcome);

        var batch = await capture.HandleAsync(
            [new LeadInput { Name = "李四", Mobile = mobile, City = "上海" }, new LeadInput { Name = "李四", Mobile = mobile }],
            Import(DuplicatePolicy.Skip), CancellationToken.None);
        Assert.Equal(CaptureOutcome.Duplicate, batch[0].Outcome);
        Assert.Equal("DuplicateInFile", Assert.Single(batch[1].Errors!).Code);

        var filled = await capture.HandleAsync([new LeadInput { Name = "李四四", Mobile = mobile, City = "上海" }], Import(), CancellationToken.None);
        Assert.Equal(CaptureOutcome.Updated, filled[0].Outcome);
        var overwritten = await capture.HandleAsync([new LeadInput { Name = "李四四", Mobile = mobile, City = "杭州" }], Import(DuplicatePolicy.Overwrite), CancellationToken.None);
        Assert.Equal(CaptureOutcome.Updated, overwritten[0].Outcome);

        await using var db = app.OpenAgencyDb(agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == first[0].LeadId);
        Assert.Equal(("李四四", "杭州"), (lead.Name, lead.City));
        Assert.Equal(LeadStatus.PublicPool, lead.Status);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityId == lead.Id.ToString() && a.Action == "lead.updated"));
    }

    [Fact]
    public async Task A_blacklisted_mobile_is_refused_with_the_reason()
    {
        var agency = await AgencyAsync();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var mobile = TestIds.Mobile();
        var protector = await scope.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            db.Blacklist.Add(new BlacklistEntry
            {
                MobileIndex = protector.Index(PersonalDataKind.Mobile, "+86" + mobile), Name = "骗子", Reason = "伪造材料",
                AddedById = agency.OwnerUserId, AddedByName = "owner",
            });
            await db.SaveChangesAsync();
        }

        var result = await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = "某人", Mobile = mobile }], Import(), CancellationToken.None);

        Assert.Equal(CaptureOutcome.Rejected, result[0].Outcome);
        Assert.Equal("伪造材料", result[0].BlacklistReason);
    }

    [Fact]
    public async Task Bad_rows_say_why_field_by_field()
    {
        var agency = await AgencyAsync();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var result = await scope.Get<CaptureLeads>().HandleAsync(
            [new LeadInput { Name = "", Mobile = "12345", IdNumber = "110105194912310021", Amount = "很多", Source = "火星" }], Import(), CancellationToken.None);

        Assert.Equal(
            ["Amount.NotNumber", "IdNumber.Invalid", "Mobile.Invalid", "Name.Required", "Source.Unknown"],
            result[0].Errors!.Select(e => e.Field + "." + e.Code).Order());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCaptureLeadsTests(SqliteAppHost app) : CaptureLeadsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCaptureLeadsTests(PostgresAppHost app) : CaptureLeadsTests(app);
