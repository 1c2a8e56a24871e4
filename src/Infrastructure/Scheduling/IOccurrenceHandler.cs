namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// Runs the due <see cref="Occurrence"/>s of one kind; register with <see cref="SchedulingServices.AddOccurrenceHandler{T}"/>.
/// The cluster fires each occurrence on one node; if that node dies mid-run another node runs it again, so a handler
/// claims its effect idempotently (e.g. a conditional update), as the reminder scans do.
/// </summary>
public interface IOccurrenceHandler
{
    string Kind { get; }

    /// <param name="now">From the app's <see cref="TimeProvider"/>.</param>
    Task HandleAsync(Occurrence occurrence, DateTimeOffset now, CancellationToken ct);
}
