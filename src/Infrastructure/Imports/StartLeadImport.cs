using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <param name="OwnerId">Owner of the new leads; null puts them in the public pool, or hands them out by the assignment rules when <paramref name="AutoAssign"/>.</param>
/// <param name="Custom">Columns mapped to the agency's own (active) fields: column → field id; each field once, on a column no built-in field takes.</param>
public sealed record StartLeadImportRequest(Guid ImportId, IReadOnlyList<ImportField> Mapping, DuplicatePolicy Policy, string? OwnerId,
    IReadOnlyDictionary<int, Guid>? Custom = null, bool AutoAssign = false);

/// <summary>Step 3: fixes the mapping, policy and owner, remembers the mapping for next time and queues the import.</summary>
public sealed class StartLeadImport(ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData, EncryptedFileStore files,
    ITenantDbContextFactory contexts, ImportQueue queue, AuditLog audit, ILiveEvents live)
{
    public async Task<Result> HandleAsync(StartLeadImportRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var import = await ImportSource.FindAsync(db, user, request.ImportId, ct);
        if (import is null) return Result.Fail("Import", "NotFound");
        if (import.Status != ImportStatus.Uploaded) return Result.Fail("Import", "AlreadyStarted");

        var plan = ImportPlan.Parse(import.Mapping);
        var mapping = request.Mapping;
        if (mapping.Count != plan.ColumnCount) return Result.Fail("Mapping", "Invalid");
        var mapped = mapping.Where(f => f != ImportField.Ignore).ToList();
        if (mapped.Count != mapped.Distinct().Count()) return Result.Fail("Mapping", "Repeated");
        if (!mapped.Contains(ImportField.Name) || !mapped.Contains(ImportField.Mobile)) return Result.Fail("Mapping", "NameAndMobileRequired");
        var custom = request.Custom ?? new Dictionary<int, Guid>();
        var active = (await CustomFieldSet.LoadAsync(db, ct)).Active.Select(f => f.Id).ToHashSet();
        if (custom.Any(c => c.Key < 0 || c.Key >= mapping.Count || mapping[c.Key] != ImportField.Ignore || !active.Contains(c.Value))) return Result.Fail("Mapping", "Invalid");
        if (custom.Values.Distinct().Count() != custom.Count) return Result.Fail("Mapping", "Repeated");
        if (!Enum.IsDefined(request.Policy)) return Result.Fail("Policy", "Invalid");
        if (request.OwnerId is { } owner && !await ListImportOwners.Assignable(db.Users, user).AnyAsync(u => u.Id == owner, ct))
            return Result.Fail("Owner", "NotAllowed");

        var protector = await personalData.GetAsync(ct);
        await ImportMappingMemory.RememberAsync(db, ImportSource.Headers(files, tenant.Required.Id, protector, import), mapping, ct);
        import.Mapping = (plan.WithFields(mapping) with { OwnerId = request.OwnerId, CustomColumns = custom.ToDictionary(), AutoAssign = request.AutoAssign && request.OwnerId is null }).ToJson();
        import.DuplicatePolicy = request.Policy;
        import.Status = ImportStatus.Queued;
        import.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "import.started", "import", import.Id.ToString(),
            new { file = import.FileName, rows = import.TotalRows, policy = request.Policy.ToString(), owner = request.OwnerId, pool = request.OwnerId is null });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("Import", "AlreadyStarted");
        }

        await queue.EnqueueAsync(new ImportJob(tenant.Required, import.Id), ct);
        await live.PublishAsync(ImportEvents.ListTopic(tenant.Required.Id), ImportEvents.Progress(import), ct);
        return Result.Ok();
    }
}
