using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>
/// Live topic of one board. A move carries ids, the version and the card's owner/team (so a viewer can tell without a
/// query whether it may see the card) and its amount (for the column sums); never a name or a number.
/// </summary>
public static class BoardEvents
{
    public const string MovedKind = "moved";

    /// <summary>The board's stages changed (added, renamed, reordered, archived): viewers reload the board.</summary>
    public static readonly LiveMessage Changed = new("changed");

    public static LiveTopic Topic(Guid tenantId, Guid boardId) => new(tenantId, "board:" + boardId.ToString("N"));

    public static LiveMessage Moved(Lead lead, Guid? fromStageId, string movedById) => new(MovedKind, new Dictionary<string, string>
    {
        ["lead"] = lead.Id.ToString(),
        ["from"] = fromStageId?.ToString() ?? "",
        ["to"] = lead.StageId?.ToString() ?? "",
        ["version"] = lead.Version.ToString(CultureInfo.InvariantCulture),
        ["owner"] = lead.OwnerId ?? "",
        ["team"] = lead.TeamId?.ToString() ?? "",
        ["by"] = movedById,
    });

    /// <summary>A move as a board receives it; null when the message is something else.</summary>
    public static CardMoved? ReadMoved(LiveMessage message) =>
        message.Kind == MovedKind && Guid.TryParse(message["lead"], out var lead) && Guid.TryParse(message["to"], out var to)
            ? new CardMoved(lead, Guid.TryParse(message["from"], out var from) ? from : null, to,
                long.TryParse(message["version"], CultureInfo.InvariantCulture, out var version) ? version : 0,
                NullIfEmpty(message["owner"]), Guid.TryParse(message["team"], out var team) ? team : null, message["by"] ?? "")
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record CardMoved(Guid LeadId, Guid? FromStageId, Guid ToStageId, long Version, string? OwnerId, Guid? TeamId, string MovedById);
