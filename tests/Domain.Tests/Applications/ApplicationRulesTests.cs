using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Tests.Applications;

public class ApplicationRulesTests
{
    private static readonly LoanProduct Credit = LoanProduct.From(SampleProducts.All.Single(p => p.Code == "ZHAOLIAN-CREDIT"));

    private static string Codes(ApplicationInput input) => string.Join(",", ApplicationInputRules.Check(input, Credit).Select(e => $"{e.Field}.{e.Code}"));

    [Theory]
    [InlineData(1, 3, "")]
    [InlineData(20, 36, "")]
    [InlineData(0.99, 12, "Amount.OutOfRange")]
    [InlineData(20.01, 12, "Amount.OutOfRange")]
    [InlineData(10, 2, "Term.OutOfRange")]
    [InlineData(10, 37, "Term.OutOfRange")]
    [InlineData(-1, 12, "Amount.Invalid")]
    [InlineData(1.005, 12, "Amount.Invalid")]
    public void Amount_and_term_must_lie_in_the_products_ranges(double amount, int term, string expected) =>
        Assert.Equal(expected, Codes(new ApplicationInput((decimal)amount, term, RepaymentMethod.EqualInstallment, null)));

    [Fact]
    public void The_method_must_be_one_the_product_offers_and_the_purpose_short()
    {
        Assert.Equal("RepaymentMethod.NotOffered", Codes(new ApplicationInput(5, 12, RepaymentMethod.InterestOnly, "周转")));
        Assert.Equal("Purpose.TooLong", Codes(new ApplicationInput(5, 12, RepaymentMethod.EqualInstallment, new string('字', 201))));
        Assert.Equal("Amount.Required,Term.Required,RepaymentMethod.Required", Codes(new ApplicationInput(null, null, null, "  ")));
    }

    private static ApplicationInput WithRelated(RelatedPersonRole? role, string? name, RelatedPersonRelation? relation, string? mobile) =>
        new ApplicationInput(5, 12, RepaymentMethod.EqualInstallment, null) { RelatedRole = role, RelatedName = name, RelatedRelation = relation, RelatedMobile = mobile };

    [Fact]
    public void A_co_borrower_or_guarantor_is_all_or_nothing()
    {
        Assert.Equal("", Codes(WithRelated(null, null, null, null)));
        Assert.Equal("", Codes(WithRelated(null, "  ", null, " ")));
        Assert.Equal("", Codes(WithRelated(RelatedPersonRole.CoBorrower, "王芳", RelatedPersonRelation.Spouse, "138 1234 5678")));
        Assert.Equal("", Codes(WithRelated(RelatedPersonRole.Guarantor, "李强", RelatedPersonRelation.Friend, "+86 13912345678")));
        Assert.Equal("RelatedName.Required,RelatedRelation.Required,RelatedMobile.Required", Codes(WithRelated(RelatedPersonRole.Guarantor, null, null, null)));
        Assert.Equal("RelatedRole.Required,RelatedRelation.Required,RelatedMobile.Required", Codes(WithRelated(null, "王芳", null, null)));
        Assert.Equal("RelatedRole.Required,RelatedName.Required,RelatedRelation.Required", Codes(WithRelated(null, null, null, "13812345678")));
        Assert.Equal("RelatedName.TooLong,RelatedMobile.Invalid",
            Codes(WithRelated(RelatedPersonRole.CoBorrower, new string('名', 21), RelatedPersonRelation.Parent, "12812345678")));
        Assert.Equal("RelatedRole.Invalid,RelatedRelation.Invalid", Codes(WithRelated((RelatedPersonRole)9, "王芳", (RelatedPersonRelation)9, "13812345678")));
        Assert.Equal("", Codes(WithRelated(RelatedPersonRole.CoBorrower, new string('名', 20), RelatedPersonRelation.Other, "13812345678")));
    }

    [Fact]
    public void The_related_mobile_is_checked_by_the_given_mobile_check()
    {
        var input = WithRelated(RelatedPersonRole.CoBorrower, "王芳", RelatedPersonRelation.Spouse, "13812345678");
        Assert.Equal(["RelatedMobile.Invalid"], ApplicationInputRules.Check(input, Credit, _ => false).Select(e => $"{e.Field}.{e.Code}"));
        Assert.Equal("王芳", ApplicationInputRules.RelatedName(" 王芳 "));
        Assert.Null(ApplicationInputRules.RelatedName("  "));
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, true, true)]
    [InlineData(ApplicationStatus.Returned, true, true)]
    [InlineData(ApplicationStatus.InApproval, false, true)]
    [InlineData(ApplicationStatus.Approved, false, false)]
    [InlineData(ApplicationStatus.Rejected, false, false)]
    [InlineData(ApplicationStatus.Withdrawn, false, false)]
    public void Editable_while_a_draft_or_returned_open_until_decided(ApplicationStatus status, bool editable, bool open) =>
        Assert.Equal((editable, open), (ApplicationInputRules.IsEditable(status), ApplicationInputRules.IsOpen(status)));

    [Fact]
    public void Numbers_are_JJ_the_Shanghai_day_and_a_four_digit_sequence_under_a_short_key()
    {
        var key = ApplicationInputRules.SequenceKey(new DateOnly(2026, 12, 7));
        Assert.Equal("app:JJ20261207", key);
        Assert.True(key.Length <= 30);
        Assert.Equal("JJ202612070001", ApplicationInputRules.Number(key, 1));
        Assert.Equal("JJ2026120712345", ApplicationInputRules.Number(key, 12345));
    }

    [Fact]
    public void Missing_documents_are_required_items_without_a_current_accepted_or_pending_file()
    {
        ApplicationDocument Doc(string item, DocumentStatus status, bool superseded = false) => new()
        {
            Item = item, FileName = "f", ContentType = DocumentFormats.Png, StorageKey = "k", UploadedById = "u", UploadedByName = "U",
            Status = status, IsSuperseded = superseded,
        };
        string[] required = ["身份证正反面", "征信报告", "收入证明", "银行流水"];
        var missing = ApplicationChecklist.Missing(required,
        [
            Doc("身份证正反面", DocumentStatus.Accepted), Doc("征信报告", DocumentStatus.Pending),
            Doc("收入证明", DocumentStatus.Rejected), Doc("银行流水", DocumentStatus.Accepted, superseded: true), Doc(ApplicationChecklist.Other, DocumentStatus.Pending),
        ]);
        Assert.Equal(["收入证明", "银行流水"], missing);
        Assert.Equal([.. required, ApplicationChecklist.Other], ApplicationChecklist.Items(required));
    }
}
