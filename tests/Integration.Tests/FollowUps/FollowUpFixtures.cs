using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Integration.Tests.FollowUps;

/// <summary>A clock standing still at a chosen instant, for use cases built by hand in a member's scope.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class FollowUpFixtures
{
    /// <summary>Shanghai wall-clock time as a UTC instant.</summary>
    public static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, LoanSaaS.Domain.Time.Shanghai.Offset).ToUniversalTime();

    public static async Task<(Guid Id, string Name, string Mobile)> LeadOwnedByAsync(this AppHost app, Agency agency, string ownerId)
    {
        var name = $"跟进{TestIds.Hex8()}";
        var mobile = TestIds.Mobile();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var results = await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = name, Mobile = mobile }],
            new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty) { OwnerId = ownerId }, CancellationToken.None);
        Assert.Equal(CaptureOutcome.Created, results[0].Outcome);
        return (results[0].LeadId!.Value, name, mobile);
    }

    /// <summary>The use case of a member's scope with its clock set to <paramref name="now"/>.</summary>
    public static LogFollowUp LogAt(this MemberScope scope, DateTimeOffset now) => new(
        scope.Get<ITenantDbContextFactory>(), scope.Get<TenantContext>(), scope.Get<ICurrentUserAccessor>(), scope.Get<AuditLog>(), scope.Get<ILiveEvents>(), new FixedTime(now));

    public static ListMyTasks TasksAt(this MemberScope scope, DateTimeOffset now) =>
        new(scope.Get<ITenantDbContextFactory>(), scope.Get<ICurrentUserAccessor>(), new FixedTime(now));
}
