using System.Diagnostics;
using System.Globalization;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace LoanSaaS.Bench.Leads;

public sealed record SeedResult(string OwnerId, AgencyUser Manager, AgencyUser Sales, string SampleMobile, string SampleName);

/// <summary>Five teams of ten members, then N leads and their tags by Npgsql binary COPY (sealed mobiles, real blind indexes).</summary>
public static class LeadCopy
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"];
    private static readonly string[] Cities = ["上海浦东新区", "上海闵行区", "上海徐汇区", "上海静安区", "苏州", "杭州"];
    private static readonly string[] LoanTypes = ["mortgage", "credit", "car", "business", "housing-fund", "policy"];
    private static readonly string[] Sources = ["web-form", "platform", "street", "phone", "referral", "wechat", "walk-in", "other"];
    private static readonly string[] Tags = ["有房", "有车", "有社保", "企业主", "急用款", "已面谈"];

    public static async Task<SeedResult> FillAsync(string database, IServiceProvider provider, TenantInfo tenant, PersonalDataProtector protector, int count)
    {
        var members = await AddTeamsAsync(provider, tenant);
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        string? sampleMobile = null, sampleName = null;
        var sales = members.First(m => m.Role == AgencyRole.Sales);

        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        // Bulk-load practice: drop the secondary indexes, COPY, then build them again from their own definitions.
        var indexes = new List<string>();
        await using (var list = new NpgsqlCommand("""SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Leads', 'LeadTags') AND indexname NOT LIKE 'PK_%'""", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add(reader.GetString(1));
        await using (var drop = new NpgsqlCommand(string.Join(";", indexes.Select(d => $"DROP INDEX \"{d.Split('"')[1]}\"")), conn))
            await drop.ExecuteNonQueryAsync();
        var tagRows = new List<(Guid, string)>(count);
        await using (var writer = await conn.BeginBinaryImportAsync("""
            COPY "Leads" ("Id", "Number", "Name", "City", "LoanType", "AmountWan", "Source", "Intent", "Status", "OwnerId", "TeamId",
                "Channel", "CreatedAt", "UpdatedAt", "NextFollowUpAt", "CustomerNumber", "ConvertedAt", "Version",
                "MobileCipher", "MobileIndex", "MobileMasked", "BlacklistReason") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var created = now.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
                var id = Guid.CreateVersion7(created);
                var kind = i % 100;
                var pooled = kind < 15;
                var owner = pooled ? null : members[random.Next(members.Count)];
                var mobile = "+86130" + i.ToString("D8", CultureInfo.InvariantCulture);
                var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (i % 7 == 0 ? Given[random.Next(Given.Length)] : "");
                if (owner?.Id == sales.Id && sampleMobile is null) (sampleMobile, sampleName) = (mobile, name);

                writer.StartRow();
                writer.Write(id, NpgsqlDbType.Uuid);
                writer.Write("L" + i.ToString("D12", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                writer.Write(name, NpgsqlDbType.Varchar);
                writer.Write(Cities[random.Next(Cities.Length)], NpgsqlDbType.Varchar);
                writer.Write(LoanTypes[random.Next(LoanTypes.Length)], NpgsqlDbType.Varchar);
                writer.Write((decimal)random.Next(5, 500), NpgsqlDbType.Numeric);
                writer.Write(Sources[random.Next(Sources.Length)], NpgsqlDbType.Varchar);
                writer.Write("ABCD"[random.Next(4)].ToString(), NpgsqlDbType.Varchar);
                writer.Write(pooled ? "PublicPool" : kind == 15 ? "Blacklisted" : "Active", NpgsqlDbType.Varchar);
                WriteNullable(writer, owner?.Id, NpgsqlDbType.Varchar);
                WriteNullable(writer, owner?.TeamId, NpgsqlDbType.Uuid);
                writer.Write("Import", NpgsqlDbType.Varchar);
                writer.Write(created.UtcDateTime, NpgsqlDbType.TimestampTz);
                writer.Write(created.UtcDateTime, NpgsqlDbType.TimestampTz);
                WriteNullable(writer, random.Next(3) == 0 ? now.AddDays(random.Next(-10, 20)).UtcDateTime : null, NpgsqlDbType.TimestampTz);
                var customer = kind is >= 16 and < 30;
                WriteNullable(writer, customer ? "C" + i.ToString("D12", CultureInfo.InvariantCulture) : null, NpgsqlDbType.Varchar);
                WriteNullable(writer, customer ? created.AddDays(3).UtcDateTime : null, NpgsqlDbType.TimestampTz);
                writer.Write(0L, NpgsqlDbType.Bigint);
                writer.Write(protector.Encrypt(PersonalDataKind.Mobile, mobile), NpgsqlDbType.Bytea);
                writer.Write(protector.Index(PersonalDataKind.Mobile, mobile), NpgsqlDbType.Varchar);
                writer.Write(MobileNumbers.Mask(mobile), NpgsqlDbType.Varchar);
                WriteNullable(writer, kind == 15 ? "提供虚假材料" : null, NpgsqlDbType.Varchar);

                if (i % 3 == 0) tagRows.Add((id, Tags[random.Next(Tags.Length)]));
                if (i % 5 == 0) tagRows.Add((id, Tags[random.Next(Tags.Length)]));
            }
            await writer.CompleteAsync();
        }
        var leadsSeconds = clock.Elapsed.TotalSeconds;
        await using (var writer = await conn.BeginBinaryImportAsync("""COPY "LeadTags" ("LeadId", "Tag") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (leadId, tag) in tagRows.Distinct())
            {
                writer.StartRow();
                writer.Write(leadId, NpgsqlDbType.Uuid);
                writer.Write(tag, NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        foreach (var definition in indexes)
        {
            await using var create = new NpgsqlCommand(definition, conn);
            await create.ExecuteNonQueryAsync();
        }
        foreach (var table in new[] { "Leads", "LeadTags" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE \"{table}\"", conn);
            await vacuum.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"seeded {count:N0} leads in {leadsSeconds:F1} s by binary COPY ({count / leadsSeconds:N0} rows/s incl. sealing), " +
            $"{tagRows.Count:N0} tags, {indexes.Count} secondary indexes rebuilt, vacuum analyze; total {clock.Elapsed.TotalSeconds:F1} s");
        await using var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
        var ownerId = await db.Users.Where(u => u.Role == AgencyRole.Owner).Select(u => u.Id).FirstAsync();
        return new SeedResult(ownerId, members.First(m => m.Role == AgencyRole.Manager && m.TeamId == sales.TeamId), sales,
            sampleMobile ?? throw new InvalidOperationException("no lead for the sample salesperson"), sampleName!);
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type)
    {
        if (value is null) writer.WriteNull();
        else writer.Write(value, type);
    }

    private static async Task<List<AgencyUser>> AddTeamsAsync(IServiceProvider provider, TenantInfo tenant)
    {
        await using var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
        var members = new List<AgencyUser>();
        for (var t = 0; t < 5; t++)
        {
            var team = new SalesTeam { Name = $"销售{t + 1}组", Region = "上海", CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(team);
            for (var m = 0; m < 10; m++)
            {
                var email = $"m{t}{m}@bench.test";
                members.Add(new AgencyUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    PhoneNumber = $"1380000{t}{m:00}0", FullName = $"成员{t}{m}", Role = m == 0 ? AgencyRole.Manager : AgencyRole.Sales,
                    TeamId = team.Id, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
                });
            }
        }
        db.Users.AddRange(members);
        await db.SaveChangesAsync();
        return members;
    }
}
