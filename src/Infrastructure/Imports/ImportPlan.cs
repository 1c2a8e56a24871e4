using System.Text.Json;
using LoanSaaS.Domain.Imports;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// What an import needs beyond the <see cref="LeadImport"/> columns, kept as JSON in <see cref="LeadImport.Mapping"/>:
/// the CSV encoding found at upload, the number of columns, the chosen field per column, and the owner of new leads
/// (none = public pool). Columns are stored sparsely (mapped ones only) to stay small; columns mapped to one of the
/// agency's own fields are in <see cref="CustomColumns"/> (column → field id).
/// </summary>
public sealed record ImportPlan
{
    public string? Encoding { get; init; }
    public int ColumnCount { get; init; }
    public Dictionary<int, ImportField> Columns { get; init; } = [];
    public string? OwnerId { get; init; }
    public Dictionary<int, Guid> CustomColumns { get; init; } = [];
    /// <summary>New leads without an owner go through the assignment rules.</summary>
    public bool AutoAssign { get; init; }

    public IReadOnlyList<ImportField> Fields()
    {
        var fields = new ImportField[ColumnCount];
        foreach (var (column, field) in Columns)
            if (column >= 0 && column < ColumnCount) fields[column] = field;
        return fields;
    }

    public ImportPlan WithFields(IReadOnlyList<ImportField> fields) => this with
    {
        Columns = fields.Select((f, i) => (f, i)).Where(x => x.f != ImportField.Ignore).ToDictionary(x => x.i, x => x.f),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportPlan Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new ImportPlan() : JsonSerializer.Deserialize<ImportPlan>(json, Json) ?? new ImportPlan();

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
