using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Spreadsheets;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// Localized texts of an export, given by the caller: the sheet name, the watermark line ({0} = exporter, {1} =
/// Shanghai time, {2} = sheet name), the column headings in <see cref="ExportLeads.Columns"/> order, status names, and
/// the words for yes and no (custom yes/no fields). The agency's own fields follow the built-in columns, headed by their labels.
/// </summary>
public sealed record LeadExportLabels(string SheetName, string Watermark, IReadOnlyList<string> Headings, IReadOnlyDictionary<LeadStatus, string> Statuses,
    string Yes = "是", string No = "否");

public sealed record LeadExportRequest(LeadListQuery Filter, bool Unmasked, string? Reason, LeadExportLabels Labels);

/// <summary>
/// Writes the current filtered list as .xlsx: masked by default; unmasked only with ExportPersonalData and a reason.
/// Every export is audited; the first row names the exporter and the time; no cell can start a formula.
/// </summary>
public sealed class ExportLeads(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, AuditLog audit, TimeProvider time)
{
    public const int MaxRows = 100_000;
    private const int Chunk = 1_000;

    public static readonly IReadOnlyList<string> Columns =
        ["Number", "CustomerNumber", "Name", "Mobile", "IdNumber", "City", "LoanType", "Amount", "Source", "Intent", "Tags", "Status", "Owner", "CreatedAt", "NextFollowUp"];

    public async Task<Result<int>> HandleAsync(LeadExportRequest request, Stream output, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ExportData, ct);
        var reason = request.Reason?.Trim();
        if (request.Unmasked)
        {
            if (!user.Can(Permission.ExportPersonalData)) throw new AccessDeniedException("Missing permission ExportPersonalData.");
            if (string.IsNullOrEmpty(reason)) return Result<int>.Fail("Reason", "Required");
            if (reason.Length > 200) return Result<int>.Fail("Reason", "TooLong");
        }
        if (request.Labels.Headings.Count != Columns.Count) throw new ArgumentException("One heading per column.", nameof(request));

        var protector = await personalData.GetAsync(ct);
        await using var db = contexts.Create();
        var filtered = await Pools.PoolMembers.NarrowAsync(db, ListLeadsQuery.Filter(db.Leads.AsNoTracking(), request.Filter, user, protector), request.Filter.PoolId, request.Filter.FieldFilters, time.GetUtcNow(), ct);
        var ids = await ListLeadsQuery.Order(filtered, request.Filter.Sort, request.Filter.Descending).Select(l => l.Id).Take(MaxRows + 1).ToListAsync(ct);
        if (ids.Count > MaxRows) return Result<int>.Fail("Export", "TooMany");

        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var owners = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var now = time.GetUtcNow();
        var fields = (await CustomFieldSet.LoadAsync(db, ct)).Active;
        var sheet = new ExportSheet(request, user, protector, dictionaries, owners, fields, now);
        await using (var reader = contexts.Create())
        {
            var rows = sheet.Rows(ids, chunk => Load(reader, chunk));
            await Task.Run(() => MiniExcel.SaveAs(output, rows, printHeader: false, sheetName: SheetName(request.Labels.SheetName), excelType: ExcelType.XLSX), ct);
        }

        audit.Add(db, new AuditActor(user.UserId, user.FullName), "lead.exported", "lead", null, new
        {
            count = ids.Count,
            unmasked = request.Unmasked,
            reason = request.Unmasked ? reason : null,
            filter = AuditableFilter(request.Filter),
        });
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(ids.Count);
    }

    private static List<Lead> Load(AgencyDbContext db, IReadOnlyList<Guid> chunk)
    {
        var leads = db.Leads.AsNoTracking().Include(l => l.Tags).Include(l => l.CustomValues).AsSplitQuery().Where(l => chunk.Contains(l.Id)).ToDictionary(l => l.Id);
        return chunk.Where(leads.ContainsKey).Select(id => leads[id]).ToList();
    }

    private static object AuditableFilter(LeadListQuery q) => new
    {
        view = q.View.ToString(), owner = q.OwnerId, team = q.TeamId, source = q.Source, intent = q.Intent?.ToString(), tags = q.Tags,
        from = q.CreatedFrom, to = q.CreatedTo, search = ListLeadsQuery.AuditableSearch(q.Search), sort = q.Sort.ToString(), q.Descending,
    };

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    private sealed class ExportSheet(LeadExportRequest request, CurrentUser user, PersonalDataProtector protector,
        LeadDictionaries dictionaries, IReadOnlyDictionary<string, string> owners, IReadOnlyList<CustomField> fields, DateTimeOffset now)
    {
        private readonly int _width = Columns.Count + fields.Count;

        public IEnumerable<IDictionary<string, object?>> Rows(IReadOnlyList<Guid> ids, Func<IReadOnlyList<Guid>, List<Lead>> load)
        {
            var labels = request.Labels;
            yield return Row([string.Format(System.Globalization.CultureInfo.InvariantCulture, labels.Watermark, user.FullName, Shanghai.Format(now), labels.SheetName)]);
            yield return Row(labels.Headings.Concat(fields.Select(f => f.Label)).Cast<object?>().ToArray());
            foreach (var chunk in ids.Chunk(Chunk))
                foreach (var lead in load(chunk))
                    yield return Row(Cells(lead));
        }

        private object?[] Cells(Lead l) =>
        [
            l.Number, l.CustomerNumber, l.Name, Mobile(l.Mobile), IdNumber(l.IdNumber), l.City,
            dictionaries.NameOf(DictionaryKind.LoanType, l.LoanType), l.AmountWan, dictionaries.NameOf(DictionaryKind.Source, l.Source),
            l.Intent?.ToString(), string.Join('、', l.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)),
            request.Labels.Statuses.GetValueOrDefault(l.Status, l.Status.ToString()),
            l.OwnerId is null ? null : owners.GetValueOrDefault(l.OwnerId),
            Shanghai.Format(l.CreatedAt), l.NextFollowUpAt is { } next ? Shanghai.Format(next) : null,
            .. fields.Select(f => Custom(f, l.CustomValues.Where(v => v.FieldId == f.Id).OrderBy(v => v.Ordinal).ToList())),
        ];

        /// <summary>A custom value as a cell: numbers as numbers, yes/no in words, personal data as the rest of the export.</summary>
        private object? Custom(CustomField field, List<CustomFieldValue> rows)
        {
            if (rows.Count == 0) return null;
            var first = rows[0];
            if (first.Cipher is not null)
                return !request.Unmasked ? first.Text
                    : field.Type == Domain.Automation.FieldType.Mobile ? MobileNumbers.National(protector.Decrypt(PersonalDataKind.Mobile, first.Cipher))
                    : protector.Decrypt(PersonalDataKind.IdNumber, first.Cipher);
            if (first.Number is { } number) return number;
            if (first.Flag is { } flag) return flag ? request.Labels.Yes : request.Labels.No;
            return CustomFieldChanges.Text(rows);
        }

        private string? Mobile(SealedValue v) => !v.HasValue ? null
            : request.Unmasked ? MobileNumbers.National(protector.Decrypt(PersonalDataKind.Mobile, v.Cipher!)) : v.Masked;

        private string? IdNumber(SealedValue v) => !v.HasValue ? null
            : request.Unmasked ? protector.Decrypt(PersonalDataKind.IdNumber, v.Cipher!) : v.Masked;

        private Dictionary<string, object?> Row(object?[] cells)
        {
            var row = new Dictionary<string, object?>(_width);
            for (var i = 0; i < _width; i++)
            {
                var value = i < cells.Length ? cells[i] : null;
                row["c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value is string text ? FormulaGuard.Neutralize(text) : value;
            }
            return row;
        }
    }
}
