namespace LoanSaaS.Domain.Leads;

/// <summary>A blocked mobile and/or ID number (by blind index) with the reason shown to staff when it comes back.</summary>
public sealed class BlacklistEntry
{
    public const int MaxReasonLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string? MobileIndex { get; set; }
    public string? MobileMasked { get; set; }
    public string? IdNumberIndex { get; set; }
    public string? IdNumberMasked { get; set; }
    public required string Name { get; set; }
    public required string Reason { get; set; }
    public Guid? LeadId { get; set; }
    public required string AddedById { get; set; }
    public required string AddedByName { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
