using Bunit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Web.SignUp;
using LoanSaaS.Web.Tests.Harness;

namespace LoanSaaS.Web.Tests.SignUp;

public sealed class SignUpFormTests : WebTestContext
{
    private readonly List<SignUpRequest> _submitted = [];

    private IRenderedComponent<SignUpForm> RenderForm(IReadOnlyList<FieldError>? serverErrors = null) =>
        Render<SignUpForm>(p => p
            .Add(x => x.BaseDomain, "localhost")
            .Add(x => x.SlugCheckDelay, TimeSpan.Zero)
            .Add(x => x.ServerErrors, serverErrors)
            .Add(x => x.OnSubmit, (SignUpRequest r) => _submitted.Add(r)));

    // The fields update as the user types (oninput) and show their errors once left (onblur).
    internal static void Type(IRenderedComponent<SignUpForm> form, string testId, string value)
    {
        form.Find($"input[data-testid={testId}]").Input(value);
        form.Find($"input[data-testid={testId}]").Blur();
    }

    private static string ErrorOf(IRenderedComponent<SignUpForm> form, string field) =>
        form.Find($"[data-testid=signup-error-{field}]").TextContent;

    [Fact]
    public void Submitting_an_empty_form_explains_every_field_and_submits_nothing()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        foreach (var field in new[] { "AgencyName", "OwnerName", "Mobile", "Email" })
            Assert.Contains("此项为必填。", ErrorOf(form, field));
        Assert.Contains("请填写工作区地址。", ErrorOf(form, "Slug"));
        Assert.Contains("密码至少需要 8 位。", ErrorOf(form, "Password"));
        Assert.Empty(_submitted);
    }

    [Fact]
    public void Bad_values_get_specific_chinese_messages_and_stay_in_the_inputs()
    {
        var form = RenderForm();
        Type(form, "signup-agency-name", "上海惠融助贷");
        Type(form, "signup-slug", "www");
        Type(form, "signup-owner-name", "张伟");
        Type(form, "signup-mobile", "12345");
        Type(form, "signup-email", "not-an-email");
        Type(form, "signup-password", "abcdefgh");

        form.Find("form").Submit();

        Assert.Contains("该地址为系统保留", ErrorOf(form, "Slug"));
        Assert.Contains("请输入有效的 11 位中国大陆手机号", ErrorOf(form, "Mobile"));
        Assert.Contains("请输入有效的邮箱地址", ErrorOf(form, "Email"));
        Assert.Contains("密码需包含数字。", ErrorOf(form, "Password"));
        Assert.Equal("12345", form.Find("input[data-testid=signup-mobile]").GetAttribute("value"));
        Assert.Equal("上海惠融助贷", form.Find("input[data-testid=signup-agency-name]").GetAttribute("value"));
        Assert.Empty(_submitted);
    }

    [Theory]
    [InlineData("ab", "至少 3 个字符")]
    [InlineData("a_b", "只能使用小写字母、数字和连字符")]
    [InlineData("-abc", "首尾不能是连字符")]
    [InlineData("admin", "系统保留")]
    public void Slug_rules_are_explained(string slug, string message)
    {
        var form = RenderForm();
        Type(form, "signup-slug", slug);

        form.Find("form").Submit();

        Assert.Contains(message, ErrorOf(form, "Slug"));
    }

    [Fact]
    public void A_valid_form_is_submitted_with_what_was_typed()
    {
        var form = RenderForm();
        Type(form, "signup-agency-name", "上海惠融助贷");
        Type(form, "signup-slug", "huirong-sh");
        Type(form, "signup-owner-name", "张伟");
        Type(form, "signup-mobile", "13812345678");
        Type(form, "signup-email", "zhangwei@huirong.cn");
        Type(form, "signup-password", "Huirong2026");

        form.Find("form").Submit();

        var request = Assert.Single(_submitted);
        Assert.Equal("huirong-sh", request.Slug);
        Assert.Equal("13812345678", request.Mobile);
        Assert.Equal("上海惠融助贷", request.AgencyName);
    }

    [Fact]
    public void A_slug_taken_in_a_race_is_shown_on_the_slug_field()
    {
        var form = RenderForm([new FieldError("Slug", "SlugTaken")]);

        Assert.Contains("该工作区地址已被注册", ErrorOf(form, "Slug"));
    }
}

public sealed class SignUpFormEnglishTests() : WebTestContext("en-US")
{
    [Fact]
    public void Messages_follow_the_users_language()
    {
        var form = Render<SignUpForm>(p => p.Add(x => x.BaseDomain, "localhost").Add(x => x.SlugCheckDelay, TimeSpan.Zero));
        SignUpFormTests.Type(form, "signup-mobile", "12345");

        form.Find("form").Submit();

        Assert.Contains("Enter a valid 11-digit mainland China mobile number", form.Find("[data-testid=signup-error-Mobile]").TextContent);
    }
}
