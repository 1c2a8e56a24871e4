using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.SignUp;

/// <summary>Invalid sign-ups come back as specific field errors and leave nothing behind in the catalog.</summary>
public abstract class SignUpValidationTests(AppHost app)
{
    private static SignUpRequest Valid(string slug) =>
        new("好运贷款服务", slug, "王小明", TestIds.Mobile(), TestIds.Email("signup"), TestIds.Password);

    [Theory]
    [InlineData("ab", "SlugTooShort")]
    [InlineData("bad slug", "SlugInvalidCharacters")]
    [InlineData("bad_slug", "SlugInvalidCharacters")]
    [InlineData("-leading", "SlugMustStartWithLetterOrDigit")]
    [InlineData("double--dash", "SlugMustStartWithLetterOrDigit")]
    [InlineData("www", "SlugReserved")]
    [InlineData("admin", "SlugReserved")]
    [InlineData("api", "SlugReserved")]
    [InlineData("", "SlugRequired")]
    public async Task Bad_slug_is_refused(string slug, string code)
    {
        var result = await app.SignUpAsync(Valid(slug));
        Assert.Equal([new FieldError("Slug", code)], result.Errors);
        await AssertNothingStoredAsync(slug);
    }

    [Theory]
    [InlineData("12345", "MobileInvalid")]
    [InlineData("23912345678", "MobileInvalid")]
    [InlineData("", "Required")]
    public async Task Bad_mobile_is_refused(string mobile, string code)
    {
        var slug = TestIds.Slug("val");
        var result = await app.SignUpAsync(Valid(slug) with { Mobile = mobile });
        Assert.Equal([new FieldError("Mobile", code)], result.Errors);
        await AssertNothingStoredAsync(slug);
    }

    [Theory]
    [InlineData("not-an-email", "EmailInvalid")]
    [InlineData("a@b", "EmailInvalid")]
    [InlineData(" ", "Required")]
    public async Task Bad_email_is_refused(string email, string code)
    {
        var slug = TestIds.Slug("val");
        var result = await app.SignUpAsync(Valid(slug) with { Email = email });
        Assert.Equal([new FieldError("Email", code)], result.Errors);
        await AssertNothingStoredAsync(slug);
    }

    [Theory]
    [InlineData("short1", "PasswordTooShort")]
    [InlineData("onlyletters", "PasswordNeedsDigit")]
    [InlineData("1234567890", "PasswordNeedsLetter")]
    [InlineData("password1", "PasswordTooCommon")]
    public async Task Weak_password_is_refused(string password, string code)
    {
        var slug = TestIds.Slug("val");
        var result = await app.SignUpAsync(Valid(slug) with { Password = password });
        Assert.Contains(new FieldError("Password", code), result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("Password", e.Field));
        await AssertNothingStoredAsync(slug);
    }

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var result = await app.SignUpAsync(new SignUpRequest("", "admin", "", "123", "x", "abc"));
        var fields = result.Errors.Select(e => e.Field).Distinct().Order().ToList();
        Assert.Equal(["AgencyName", "Email", "Mobile", "OwnerName", "Password", "Slug"], fields);
    }

    private async Task AssertNothingStoredAsync(string slug)
    {
        await using var db = app.OpenCatalog();
        var normalized = slug.Trim().ToLowerInvariant();
        Assert.False(await db.Tenants.AnyAsync(t => t.Slug == normalized), $"a tenant row was stored for '{slug}'");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSignUpValidationTests(SqliteAppHost app) : SignUpValidationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSignUpValidationTests(PostgresAppHost app) : SignUpValidationTests(app);
