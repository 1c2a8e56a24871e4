namespace LoanSaaS.Infrastructure.Audit;

/// <summary>Why the audit chain breaks at an entry.</summary>
public enum AuditChainBreak
{
    /// <summary>The entry's stored hash does not match its content: it was edited after it was written.</summary>
    ContentChanged,

    /// <summary>The entry does not link to the entry stored before it: an entry was deleted or inserted there.</summary>
    LinkBroken,
}

/// <summary>The result of walking an agency's audit chain: how many entries were checked and where it first breaks, if anywhere.</summary>
public sealed record AuditChainCheck(long EntryCount, long? BrokenEntryId, AuditChainBreak? Break)
{
    public bool IsIntact => BrokenEntryId is null;
}
