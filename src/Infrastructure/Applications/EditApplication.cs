using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

public sealed record EditApplicationRequest(Guid ApplicationId, long Version, ApplicationInput Input);

/// <summary>
/// Changes the terms of a draft or returned application against the version the member saw; checked against the
/// product like a new one, audited old → new. Refusals: Application.NotFound / ChangedByOthers / NotEditable and the fields' codes.
/// The co-borrower / guarantor is replaced or removed as typed; a blank mobile keeps the stored one (the form only ever
/// holds its mask), and the audit shows the mobile masked.
/// </summary>
public sealed class EditApplication(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, TenantPersonalData personalData, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(EditApplicationRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var application = await db.LoanApplications.WorkableBy(user).FirstOrDefaultAsync(a => a.Id == request.ApplicationId, ct);
        if (application is null) return Result<long>.Fail([ApplicationAccess.NotFound]);
        if (application.Version != request.Version) return Result<long>.Fail([ApplicationAccess.ChangedByOthers]);
        if (!ApplicationInputRules.IsEditable(application.Status)) return Result<long>.Fail([ApplicationAccess.NotEditable]);
        var product = await db.LoanProducts.AsNoTracking().FirstAsync(p => p.Id == application.ProductId, ct);
        var protector = await personalData.GetAsync(ct);
        var input = request.Input;
        if (input.RelatedRole is not null && string.IsNullOrWhiteSpace(input.RelatedMobile) && application.RelatedMobile.HasValue)
            input = input with { RelatedMobile = protector.Decrypt(PersonalDataKind.Mobile, application.RelatedMobile.Cipher!) };
        var errors = ApplicationInputs.Check(input, product);
        if (errors.Count > 0) return Result<long>.Fail(ApplicationInputs.Errors(errors));

        var changes = new List<object>();
        void Change<T>(string field, T before, T after, Action set)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            changes.Add(new { field, from = Text(before), to = Text(after) });
            set();
        }
        var (amount, term, method) = (input.AmountWan!.Value, input.TermMonths!.Value, input.RepaymentMethod!.Value);
        Change("Amount", application.AmountWan, amount, () => application.AmountWan = amount);
        Change("Term", application.TermMonths, term, () => application.TermMonths = term);
        Change("RepaymentMethod", application.RepaymentMethod, method, () => application.RepaymentMethod = method);
        var purpose = ApplicationInputs.Purpose(input.Purpose);
        Change("Purpose", application.Purpose, purpose, () => application.Purpose = purpose);
        var (before, after) = (RelatedPerson.Of(application), ApplicationInputs.Related(input, protector));
        if (after.Mobile.HasValue && after.Mobile.Index == before.Mobile.Index) after = after with { Mobile = before.Mobile }; // the same number stays as sealed
        if (!before.SameAs(after))
        {
            changes.Add(new { field = "Related", from = ApplicationInputs.Text(before), to = ApplicationInputs.Text(after) });
            ApplicationInputs.Apply(application, after);
        }
        if (changes.Count == 0) return Result<long>.Ok(application.Version);

        ApplicationAccess.Touch(application, time.GetUtcNow());
        ApplicationAccess.Audit(audit, db, user, "updated", application, new { changes });
        var saved = await ApplicationAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<long>.Fail(saved.Errors);
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        return Result<long>.Ok(application.Version);
    }

    /// <summary>Amounts as typed ("10", not the stored "10.00"), everything else as is.</summary>
    private static string? Text<T>(T value) => value switch
    {
        decimal d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        null => null,
        _ => value.ToString(),
    };
}
