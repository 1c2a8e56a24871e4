using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <param name="ProductId">Null adds a product; else the product to change, at <see cref="Version"/>.</param>
public sealed record SaveProductRequest(Guid? ProductId, long Version)
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Lender { get; init; }
    public LenderKind LenderKind { get; init; }
    public string? LoanType { get; init; }
    public decimal MinAmountWan { get; init; }
    public decimal MaxAmountWan { get; init; }
    public int MinTermMonths { get; init; }
    public int MaxTermMonths { get; init; }
    public decimal MinAnnualRate { get; init; }
    public decimal MaxAnnualRate { get; init; }
    public IReadOnlyList<RepaymentMethod> RepaymentMethods { get; init; } = [];
    public decimal ServiceFeeRate { get; init; }
    public IReadOnlyList<string?> RequiredDocuments { get; init; } = [];

    /// <summary>Who may borrow; null or an empty group admits everyone.</summary>
    public ConditionNode? Eligibility { get; init; }

    /// <summary>A published flow's key; null (or "default") for the agency's default flow.</summary>
    public string? ApprovalFlowKey { get; init; }

    public static SaveProductRequest From(LoanProduct p) => new(p.Id, p.Version)
    {
        Code = p.Code, Name = p.Name, Lender = p.Lender, LenderKind = p.LenderKind, LoanType = p.LoanType,
        MinAmountWan = p.MinAmountWan, MaxAmountWan = p.MaxAmountWan, MinTermMonths = p.MinTermMonths, MaxTermMonths = p.MaxTermMonths,
        MinAnnualRate = p.MinAnnualRate, MaxAnnualRate = p.MaxAnnualRate, RepaymentMethods = [.. p.RepaymentMethods], ServiceFeeRate = p.ServiceFeeRate,
        RequiredDocuments = [.. p.RequiredDocuments], Eligibility = p.Eligibility, ApprovalFlowKey = p.ApprovalFlowKey,
    };
}

/// <summary>
/// Adds or changes a loan product (needs ManageSettings). Refusals: Code.Required / TooLong / Format / Taken, Name, Lender,
/// LoanType (Required / TooLong), MinAmountWan / MaxAmountWan.Range, MaxAmountWan.BelowMin, the same for terms and rates,
/// ServiceFeeRate.Range, RepaymentMethods.Required, RequiredDocuments.TooMany / TooLong, ApprovalFlowKey.Unknown,
/// Condition[.path].* (the eligibility over the application fields, the agency's own included), Product.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveProduct(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live)
{
    public static readonly FieldError NotFound = new("Product", "NotFound");

    public async Task<Result<Guid>> HandleAsync(SaveProductRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        LoanProduct product;
        if (request.ProductId is { } id)
        {
            var found = await db.LoanProducts.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (found is null) return Result<Guid>.Fail([NotFound]);
            if (found.Version != request.Version) return Result<Guid>.Fail([ConcurrentSave.ChangedByOthers]);
            product = found;
        }
        else
        {
            product = new LoanProduct { Code = "", Name = "", Lender = "", LoanType = "" };
        }

        var flowKey = string.IsNullOrWhiteSpace(request.ApprovalFlowKey) || request.ApprovalFlowKey.Trim() == SampleApprovalFlow.FlowKey ? null : request.ApprovalFlowKey.Trim();
        (product.Code, product.Name, product.Lender, product.LenderKind, product.LoanType) =
            (request.Code?.Trim() ?? "", request.Name?.Trim() ?? "", request.Lender?.Trim() ?? "", request.LenderKind, request.LoanType?.Trim() ?? "");
        (product.MinAmountWan, product.MaxAmountWan, product.MinTermMonths, product.MaxTermMonths) =
            (request.MinAmountWan, request.MaxAmountWan, request.MinTermMonths, request.MaxTermMonths);
        (product.MinAnnualRate, product.MaxAnnualRate, product.ServiceFeeRate) = (request.MinAnnualRate, request.MaxAnnualRate, request.ServiceFeeRate);
        product.RepaymentMethods = request.RepaymentMethods.Distinct().Order().ToList();
        product.RequiredDocuments = LoanProductChecks.Documents(request.RequiredDocuments);
        product.Eligibility = request.Eligibility ?? ConditionGroup.AllOf();
        product.ApprovalFlowKey = flowKey;

        var errors = LoanProductChecks.Check(product).Select(e => new FieldError(e.Field, e.Code)).ToList();
        var schema = ApplicationConditions.With((await CustomFieldSet.LoadAsync(db, ct)).All);
        errors.AddRange(ConditionCompiler.Validate(product.Eligibility, schema)
            .Select(e => new FieldError(e.Path.Length == 0 ? "Condition" : "Condition." + e.Path, e.Code)));
        if (flowKey is not null && !(await ApprovalFlowChoices.PublishedAsync(db, ct)).Any(f => f.Key == flowKey))
            errors.Add(new FieldError("ApprovalFlowKey", "Unknown"));
        if (product.Code.Length > 0 && await db.LoanProducts.AnyAsync(p => p.Code == product.Code && p.Id != product.Id, ct))
            errors.Add(new FieldError("Code", "Taken"));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        if (request.ProductId is null) db.LoanProducts.Add(product);
        product.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.ProductId is null ? "product.created" : "product.changed", "product", product.Id.ToString(), new
        {
            code = product.Code, name = product.Name, lender = product.Lender, lenderKind = product.LenderKind.ToString(), loanType = product.LoanType,
            amountWan = $"{product.MinAmountWan}-{product.MaxAmountWan}", termMonths = $"{product.MinTermMonths}-{product.MaxTermMonths}",
            annualRate = $"{product.MinAnnualRate}-{product.MaxAnnualRate}", serviceFeeRate = product.ServiceFeeRate,
            repaymentMethods = string.Join(",", product.RepaymentMethods), documents = string.Join("、", product.RequiredDocuments),
            eligibility = System.Text.Json.JsonSerializer.Serialize(product.Eligibility), flow = product.ApprovalFlowKey,
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        await live.PublishAsync(ProductEvents.Topic(tenant.Required.Id), ProductEvents.Changed(product.Id), ct);
        return Result<Guid>.Ok(product.Id);
    }
}
