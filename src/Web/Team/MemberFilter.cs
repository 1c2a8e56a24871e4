using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Web.Team;

/// <summary>The members tab's toolbar: free text over name, mobile and email, plus role and 在职/已停用.</summary>
public sealed class MemberFilter
{
    public string? Search { get; set; }
    public AgencyRole? Role { get; set; }

    /// <summary>true = 在职 (active, including pending and locked accounts), false = 已停用, null = all.</summary>
    public bool? Active { get; set; }

    public bool Matches(MemberRow member)
    {
        if (Role is { } role && member.Role != role) return false;
        if (Active is { } active && member.IsActive != active) return false;
        var text = Search?.Trim();
        if (string.IsNullOrEmpty(text)) return true;
        if (member.FullName.Contains(text, StringComparison.OrdinalIgnoreCase)) return true;
        if (member.Email?.Contains(text, StringComparison.OrdinalIgnoreCase) == true) return true;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        // Only digit searches reach the mobile, and the list shows it masked either way.
        return digits.Length >= 3 && digits.Length == text.Count(c => c is not (' ' or '-'))
            && member.Mobile?.Contains(digits, StringComparison.Ordinal) == true;
    }
}
