using LoanSaaS.Domain.Tenancy;

namespace LoanSaaS.Domain.Tests.Tenancy;

public class PlansTests
{
    [Theory]
    [InlineData("2025-03-01T00:00:00Z", "2025-03-15")]
    [InlineData("2025-03-01T15:59:59Z", "2025-03-15")] // 23:59:59 in Shanghai
    [InlineData("2025-03-01T16:00:00Z", "2025-03-16")] // already 3 月 2 日 in Shanghai
    [InlineData("2024-12-31T20:00:00Z", "2025-01-15")]
    [InlineData("2024-02-20T00:00:00Z", "2024-03-05")] // leap year
    public void TrialEnd_is_the_Shanghai_signup_date_plus_14_days(string signedUpUtc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Plans.TrialEnd(DateTimeOffset.Parse(signedUpUtc)));

    [Fact]
    public void TrialEnd_uses_the_instant_not_the_offset_it_was_written_with()
    {
        var utc = new DateTimeOffset(2025, 6, 1, 17, 0, 0, TimeSpan.Zero);
        var newYork = utc.ToOffset(TimeSpan.FromHours(-4));
        Assert.Equal(Plans.TrialEnd(utc), Plans.TrialEnd(newYork));
    }

    [Fact]
    public void Provisioning_steps_run_in_declared_order() =>
        Assert.Equal(
            [ProvisioningStep.Registered, ProvisioningStep.DatabaseCreated, ProvisioningStep.Migrated,
             ProvisioningStep.Seeded, ProvisioningStep.OwnerCreated, ProvisioningStep.Completed],
            Enum.GetValues<ProvisioningStep>().Order());
}
