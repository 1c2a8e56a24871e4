using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Integration.Tests.PersonalData;

/// <summary>Pure tests of sealing, blind indexes and mobile normalisation (no database).</summary>
public sealed class PersonalDataProtectorTests
{
    private static PersonalDataProtector NewProtector() => new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_mobile_decrypts_back_and_shows_only_its_mask()
    {
        var protector = NewProtector();
        var sealedValue = protector.SealMobile("+8613812345678");

        Assert.Equal("138****5678", sealedValue.Masked);
        Assert.DoesNotContain("13812345678", Encoding.UTF8.GetString(sealedValue.Cipher!));
        Assert.Equal("+8613812345678", protector.Decrypt(PersonalDataKind.Mobile, sealedValue.Cipher!));
    }

    [Fact]
    public void Encryption_is_randomised_but_the_blind_index_is_stable_per_agency()
    {
        var protector = NewProtector();
        var a = protector.SealMobile("+8613812345678");
        var b = protector.SealMobile("+8613812345678");

        Assert.NotEqual(a.Cipher, b.Cipher);
        Assert.Equal(a.Index, b.Index);
        Assert.Equal(32, a.Index!.Length);
        Assert.NotEqual(a.Index, NewProtector().SealMobile("+8613812345678").Index);
    }

    [Fact]
    public void Indexes_of_different_kinds_differ_for_the_same_text()
    {
        var protector = NewProtector();
        Assert.NotEqual(protector.Index(PersonalDataKind.Mobile, "123"), protector.Index(PersonalDataKind.IdNumber, "123"));
    }

    [Fact]
    public void A_value_cannot_be_opened_as_another_kind_or_after_tampering()
    {
        var protector = NewProtector();
        var cipher = protector.Encrypt(PersonalDataKind.IdNumber, "11010519491231002X");

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(PersonalDataKind.Mobile, cipher));
        cipher[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(PersonalDataKind.IdNumber, cipher));
        Assert.ThrowsAny<CryptographicException>(() => NewProtector().Decrypt(PersonalDataKind.IdNumber, protector.Encrypt(PersonalDataKind.IdNumber, "x")));
    }

    [Fact]
    public void ID_numbers_are_masked_four_and_four()
    {
        Assert.Equal("1101**********002X", NewProtector().SealIdNumber("11010519491231002X").Masked);
    }

    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData("138-1234-5678", "+8613812345678")]
    [InlineData("+86 138 1234 5678", "+8613812345678")]
    [InlineData("008613812345678", "+8613812345678")]
    [InlineData("１３８１２３４５６７８", "+8613812345678")]
    [InlineData("19912345678", "+8619912345678")]
    public void Mobiles_normalise_to_E164(string input, string expected) => Assert.Equal(expected, MobileNumbers.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("1381234567")]
    [InlineData("12812345678")]
    [InlineData("02112345678")]
    [InlineData("+1 650 253 0000")]
    [InlineData("abc")]
    public void Non_mainland_mobiles_are_refused(string input) => Assert.Null(MobileNumbers.Normalize(input));
}
