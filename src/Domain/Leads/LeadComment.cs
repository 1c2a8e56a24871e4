namespace LoanSaaS.Domain.Leads;

/// <summary>A colleague's note on a lead (谈单协作), with the members it calls to attention (@).</summary>
public sealed class LeadComment
{
    public const int MaxLength = 1000;
    public const int MaxMentions = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LeadId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public List<string> MentionIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
