using System.Text.Json;
using LoanSaaS.Domain.Credit;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.Credit;

/// <summary>A report's JSON sealed under the agency's key (the kind is bound in, so a report cannot pass for another value).</summary>
internal static class CreditReportSeal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Seal(PersonalDataProtector protector, CreditReportContent report) =>
        protector.Encrypt(PersonalDataKind.CreditReport, JsonSerializer.Serialize(report, Json));

    public static CreditReportContent Open(PersonalDataProtector protector, byte[] payload) =>
        JsonSerializer.Deserialize<CreditReportContent>(protector.Decrypt(PersonalDataKind.CreditReport, payload), Json)
        ?? throw new InvalidOperationException("An empty credit report payload.");
}
