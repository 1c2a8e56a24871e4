using System.Globalization;
using System.Text.Json;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Funnels;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Funnels;

/// <summary>
/// A column's cards as the words board.js draws them with. A board shows a hundred cards or more to every viewer; as
/// components (or even as server-rendered markup) each card stays in every viewer's circuit as render-tree frames,
/// event handlers and text, several KB per card. Drawn by the browser from this list, a card costs the server its
/// <see cref="BoardCard"/> record only. The texts are localized and formatted here, so the script holds no wording.
/// </summary>
public sealed class BoardColumnCards(IStringLocalizer<BoardText> t)
{
    /// <summary>
    /// The cards of one column, each as [id, version, name, mobile, amount, intent, owner, days, next, overdue, customer,
    /// application badge ("进件 审批中 · 30万"), application status].
    /// </summary>
    public IReadOnlyList<object?[]> Column(IEnumerable<BoardCard> cards, DateTimeOffset now)
    {
        var (overdue, next, customer) = (t["Overdue"].Value, t["Next"].Value, t["Customer"].Value);
        return cards.Select(card =>
        {
            var days = card.StageEnteredAt is { } entered ? Math.Max(0, (int)(now - entered).TotalDays) : 0;
            var late = card.NextFollowUpAt < now;
            return new object?[]
            {
                card.Id, card.Version, card.Name, card.MobileMasked ?? "—",
                card.AmountWan is { } amount ? t["Amount", amount.ToString("#,0.##", CultureInfo.InvariantCulture)].Value : null,
                card.Intent?.ToString(), string.IsNullOrEmpty(card.OwnerName) ? null : card.OwnerName, t["DaysInStage", days].Value,
                card.NextFollowUpAt is { } at ? $"{(late ? overdue : next)} {Shanghai.ToShanghai(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)}" : null,
                late, card.IsCustomer ? customer : null,
                card.Application is { } app ? t["Application", t["ApplicationStatus." + app.Status].Value, app.AmountWan.ToString("#,0.##", CultureInfo.InvariantCulture)].Value : null,
                card.Application?.Status.ToString(),
            };
        }).ToList();
    }

    /// <summary>What the column looks like, to send it again only when it changed.</summary>
    public static int Signature(IReadOnlyList<object?[]> column) => JsonSerializer.Serialize(column).GetHashCode(StringComparison.Ordinal);
}
