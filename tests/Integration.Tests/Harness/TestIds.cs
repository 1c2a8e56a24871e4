namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>Unique names per test, so tests sharing one app (and one server) never collide.</summary>
public static class TestIds
{
    public static string Hex8() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A valid agency slug: "{prefix}-{8 hex}".</summary>
    public static string Slug(string prefix) => $"{prefix}-{Hex8()}";

    /// <summary>A valid mainland mobile number: 139 + 8 random digits.</summary>
    public static string Mobile() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string Email(string who) => $"{who}.{Hex8()}@example.com";

    public const string Password = "Secret2026ok";
}
