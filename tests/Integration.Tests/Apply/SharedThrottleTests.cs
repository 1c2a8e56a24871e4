using LoanSaaS.Infrastructure.Apply;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Apply;

/// <summary>With Redis configured, two app nodes count submissions together: the limit holds across a load balancer.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedThrottleTests(PostgresAppHost app)
{
    [Fact]
    public async Task Two_nodes_share_the_per_mobile_limit_through_redis()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("throttle"));
        await using var second = app.StartAnotherNode();
        Assert.IsType<RedisSubmissionThrottle>(app.Services.GetRequiredService<ISubmissionThrottle>());
        var mobile = TestIds.Mobile();

        for (var i = 0; i < 2; i++) Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(app.Services, agency, mobile)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(second.Services, agency, mobile)).Status);

        Assert.Equal(ApplicationStatus.TooManyRequests, (await SubmitAsync(second.Services, agency, mobile)).Status);
        Assert.Equal(ApplicationStatus.TooManyRequests, (await SubmitAsync(app.Services, agency, mobile)).Status);
    }

    private static async Task<ApplicationResult> SubmitAsync(IServiceProvider node, Agency agency, string mobile)
    {
        await using var scope = node.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(agency.Info);
        return await scope.ServiceProvider.GetRequiredService<SubmitApplication>().HandleAsync(
            new ApplicationRequest("林小姐", mobile, null, null, null, null, null, true, null, null, "10.9." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255)),
            CancellationToken.None);
    }
}
