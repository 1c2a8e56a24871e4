using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Imports;

/// <param name="Custom">Columns mapped to the agency's own fields: column → field id.</param>
public sealed record PreviewLeadImportRequest(Guid ImportId, IReadOnlyList<ImportField> Mapping, IReadOnlyDictionary<int, Guid>? Custom = null);

/// <summary>A problem of one preview row: the column it is in (-1 for the whole row) and its error code.</summary>
public sealed record CellProblem(int Column, FieldError Error);

/// <summary>RowNumber is the row in the file (the header is row 1).</summary>
public sealed record PreviewRow(int RowNumber, IReadOnlyList<string?> Cells, IReadOnlyList<CellProblem> Problems);

public sealed record ImportPreview(IReadOnlyList<string> Headers, IReadOnlyList<PreviewRow> Rows);

/// <summary>Step 2: the first rows of the file checked with the chosen mapping by the same rules the import uses, personal data masked.</summary>
public sealed class PreviewLeadImport(ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData,
    EncryptedFileStore files, ITenantDbContextFactory contexts, TimeProvider time)
{
    public async Task<Result<ImportPreview>> HandleAsync(PreviewLeadImportRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var import = await ImportSource.FindAsync(db, user, request.ImportId, ct);
        if (import?.SourceFileId is null) return Result<ImportPreview>.Fail("Import", "NotFound");

        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var custom = new CustomFieldScope(fields);
        var protector = await personalData.GetAsync(ct);
        var today = Shanghai.Today(time);
        var rows = new List<PreviewRow>();
        IReadOnlyList<string> headers = [];
        var number = 0;
        foreach (var cells in ImportSource.Rows(files, tenant.Required.Id, protector, import))
        {
            number++;
            if (number == 1) { headers = cells.Select(c => c?.Trim() ?? "").ToList(); continue; }
            var validated = LeadInputRules.Validate(ImportRowMapper.ToInput(cells, request.Mapping, request.Custom), dictionaries, protector, today, custom);
            var problems = validated.Errors.Select(e => new CellProblem(ImportRowMapper.ColumnOf(e.Field, request.Mapping, request.Custom), e)).ToList();
            rows.Add(new PreviewRow(number, Masked(cells, request.Mapping, request.Custom, fields, today), problems));
            if (rows.Count == ImportLimits.PreviewRows) break;
        }
        return Result<ImportPreview>.Ok(new ImportPreview(headers, rows));
    }

    /// <summary>Valid mobiles and ID numbers masked as everywhere else; an invalid one as it is, so its problem can be seen.</summary>
    private static string?[] Masked(string?[] cells, IReadOnlyList<ImportField> mapping, IReadOnlyDictionary<int, Guid>? custom, CustomFieldSet fields, DateOnly today)
    {
        var shown = (string?[])cells.Clone();
        for (var i = 0; i < shown.Length && i < mapping.Count; i++)
        {
            var type = custom?.TryGetValue(i, out var fieldId) == true ? fields.Find(fieldId)?.Type : null;
            if ((mapping[i] == ImportField.Mobile || type == FieldType.Mobile) && MobileNumbers.Normalize(shown[i]) is { } e164) shown[i] = MobileNumbers.Mask(e164);
            else if ((mapping[i] == ImportField.IdNumber || type == FieldType.IdNumber) && ChineseIdNumber.Normalize(shown[i]) is { } id && ChineseIdNumber.IsValid(id, today))
                shown[i] = ChineseIdNumber.Mask(id);
        }
        return shown;
    }
}
