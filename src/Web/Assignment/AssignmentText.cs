using LoanSaaS.Domain.Assignment;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Assignment;

/// <summary>Texts of the assignment rules page (AssignmentText.resx = zh-CN, .en.resx).</summary>
public sealed class AssignmentText
{
    public static string Error(IStringLocalizer<AssignmentText> t, FieldError error) =>
        error.Field.StartsWith("Condition", StringComparison.Ordinal) ? t["Error.Condition"]
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;

    /// <summary>"成员：张伟（权重 2）、刘洋" / "团队：一组" / "公海".</summary>
    public static string Target(IStringLocalizer<AssignmentText> t, AssignmentRule rule, AssignmentRuleList list) => rule.Target switch
    {
        AssignmentTarget.Team => t["Target.TeamOf", list.Teams.FirstOrDefault(x => x.Key == rule.TeamId?.ToString())?.Name ?? "?"],
        AssignmentTarget.PublicPool => t["Target.PublicPool"],
        _ => t["Target.MembersOf", string.Join("、", rule.Members.Select(m =>
        {
            var name = list.Members.FirstOrDefault(x => x.UserId == m.UserId)?.FullName ?? t["Member.Gone"].Value;
            return rule.Strategy == AssignmentStrategy.Weighted ? t["Member.Weight", name, m.Weight].Value : name;
        }))],
    };
}
