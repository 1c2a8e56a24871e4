namespace LoanSaaS.Infrastructure.Apply;

/// <summary>Configuration section "Apply": abuse limits of the public application form, per agency.</summary>
public sealed class ApplyOptions
{
    public int SubmissionsPerAddress { get; set; } = 5;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(10);
    public int SubmissionsPerMobile { get; set; } = 3;
    public TimeSpan MobileWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The CSP frame-ancestors sources allowed to embed /apply, e.g. "https://www.example.com"; "*" = any site.</summary>
    public string FrameAncestors { get; set; } = "*";
}
