using System.Threading.Channels;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Imports;

public sealed record ImportJob(TenantInfo Tenant, Guid ImportId);

/// <summary>Imports waiting to run on this node. The database row is the truth: a job is only a hint to look at it.</summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>();

    public ValueTask EnqueueAsync(ImportJob job, CancellationToken ct = default) => _channel.Writer.WriteAsync(job, ct);

    internal IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
