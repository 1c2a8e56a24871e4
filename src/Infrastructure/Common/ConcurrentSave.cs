using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Common;

/// <summary>Saving where a concurrency token may have moved: a conflict is a refusal ("ChangedByOthers"), not an exception.</summary>
public static class ConcurrentSave
{
    public static readonly FieldError ChangedByOthers = new("", "ChangedByOthers");

    public static async Task<Result> SaveAsync(DbContext db, CancellationToken ct, FieldError? conflict = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail([conflict ?? ChangedByOthers]);
        }
    }
}
