using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Inserts many new leads at once. On PostgreSQL it streams them with a binary COPY (an import batch of 2,000 leads
/// is one round trip instead of EF's per-row statements), in the same transaction as the rest of the batch's changes
/// (updates of existing leads, audit entries). Other providers use EF's AddRange. The column list follows the EF model
/// of <see cref="Lead"/>, <see cref="LeadTag"/> and custom field values; the PostgreSQL import tests fail if they drift apart.
/// </summary>
public static class LeadBulkInsert
{
    /// <summary>Below this a COPY is not worth its setup.</summary>
    public const int Threshold = 50;

    public static bool Applies(AgencyDbContext db, int count) => count >= Threshold && db.Database.IsNpgsql();

    /// <summary>Copies <paramref name="leads"/> (with their tags) and saves the context's pending changes, atomically.</summary>
    public static async Task SaveWithAsync(AgencyDbContext db, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await CopyLeadsAsync(connection, leads, "Leads", ct);
        await CopyTagsAsync(connection, leads, ct);
        await CopyCustomValuesAsync(connection, leads, ct);
        db.Automation?.NoteCreated(leads);
        await db.SaveChangesAsync(ct);
        if (owned is not null) await owned.CommitAsync(ct);
    }

    private const string LeadColumns =
        "\"Id\", \"Number\", \"Name\", \"MobileCipher\", \"MobileIndex\", \"MobileMasked\", \"IdNumberCipher\", \"IdNumberIndex\", \"IdNumberMasked\", " +
        "\"BirthDate\", \"IsMale\", \"City\", \"LoanType\", \"AmountWan\", \"Purpose\", \"TermMonths\", \"CreditStatus\", \"Source\", \"Intent\", " +
        "\"Status\", \"OwnerId\", \"TeamId\", \"AssignedRuleId\", \"AssignedAt\", \"ReclaimWarnedFor\", \"Channel\", \"ImportId\", \"CreatedById\", \"CreatedAt\", \"UpdatedAt\", \"LastFollowUpAt\", \"NextFollowUpAt\", " +
        "\"ConsentVersion\", \"ConsentAt\", \"ConsentChannel\", \"BlacklistReason\", \"MergedIntoId\", \"CustomerNumber\", \"ConvertedAt\", \"StageId\", \"StageEnteredAt\", \"FollowUpCount\", \"Version\"";

    /// <summary>The binary COPY of leads' own columns into <paramref name="table"/> (the Leads table, or a scratch table of the same columns for the benchmark).</summary>
    public static async Task CopyLeadsAsync(NpgsqlConnection connection, IReadOnlyList<Lead> leads, string table, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({LeadColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var l in leads)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(l.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(l.Number, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(l.Name, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.Mobile.Cipher, NpgsqlDbType.Bytea, ct);
            await Nullable(copy, l.Mobile.Index, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.Mobile.Masked, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.IdNumber.Cipher, NpgsqlDbType.Bytea, ct);
            await Nullable(copy, l.IdNumber.Index, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.IdNumber.Masked, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.BirthDate, NpgsqlDbType.Date, ct);
            await Nullable(copy, l.IsMale, NpgsqlDbType.Boolean, ct);
            await Nullable(copy, l.City, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.LoanType, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.AmountWan, NpgsqlDbType.Numeric, ct);
            await Nullable(copy, l.Purpose, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.TermMonths, NpgsqlDbType.Integer, ct);
            await Nullable(copy, l.CreditStatus?.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.Source, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.Intent?.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(l.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.OwnerId, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.TeamId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, l.AssignedRuleId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, l.AssignedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.ReclaimWarnedFor, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(l.Channel.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.ImportId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, l.CreatedById, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(l.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(l.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.LastFollowUpAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.NextFollowUpAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.ConsentVersion, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.ConsentAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.ConsentChannel?.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.BlacklistReason, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.MergedIntoId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, l.CustomerNumber, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, l.ConvertedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, l.StageId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, l.StageEnteredAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(l.FollowUpCount, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(l.Version, NpgsqlDbType.Bigint, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The binary COPY of the leads' tags.</summary>
    public static async Task CopyTagsAsync(NpgsqlConnection connection, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        if (!leads.Any(l => l.Tags.Count > 0)) return;
        await using var copy = await connection.BeginBinaryImportAsync("COPY \"LeadTags\" (\"LeadId\", \"Tag\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var tag in leads.SelectMany(l => l.Tags))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tag.LeadId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(tag.Tag, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The binary COPY of the leads' custom field values.</summary>
    public static async Task CopyCustomValuesAsync(NpgsqlConnection connection, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        if (!leads.Any(l => l.CustomValues.Count > 0)) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"CustomFieldValues\" (\"LeadId\", \"FieldId\", \"Ordinal\", \"Text\", \"Number\", \"Date\", \"Flag\", \"Cipher\", \"Index\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var v in leads.SelectMany(l => l.CustomValues))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.LeadId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(v.FieldId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(v.Ordinal, NpgsqlDbType.Integer, ct);
            await Nullable(copy, v.Text, NpgsqlDbType.Varchar, ct);
            await Nullable(copy, v.Number, NpgsqlDbType.Numeric, ct);
            await Nullable(copy, v.Date, NpgsqlDbType.Date, ct);
            await Nullable(copy, v.Flag, NpgsqlDbType.Boolean, ct);
            await Nullable(copy, v.Cipher, NpgsqlDbType.Bytea, ct);
            await Nullable(copy, v.Index, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value.Value, type, ct);
}
