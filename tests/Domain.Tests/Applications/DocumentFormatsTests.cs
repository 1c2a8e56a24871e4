using LoanSaaS.Domain.Applications;

namespace LoanSaaS.Domain.Tests.Applications;

public class DocumentFormatsTests
{
    public static TheoryData<byte[], string?> Heads => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01], DocumentFormats.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], DocumentFormats.Png },
        { "%PDF-1.7\n%âãÏÓ"u8.ToArray(), DocumentFormats.Pdf },
        { "RIFF\u0010\0\0\0WEBPVP8 "u8.ToArray(), DocumentFormats.WebP },
        { "RIFF\u0010\0\0\0WAVEfmt "u8.ToArray(), null },
        { [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00], null },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00], null },
        { [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], null },
        { [0x89, 0x50, 0x4E], null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_first_bytes_decide_the_type(byte[] head, string? expected) => Assert.Equal(expected, DocumentFormats.Sniff(head));

    [Theory]
    [InlineData("身份证.jpg", DocumentFormats.Jpeg, true)]
    [InlineData("IMG_0001.JPEG", DocumentFormats.Jpeg, true)]
    [InlineData("scan.png", DocumentFormats.Png, true)]
    [InlineData("流水.PDF", DocumentFormats.Pdf, true)]
    [InlineData("photo.webp", DocumentFormats.WebP, true)]
    [InlineData("image", DocumentFormats.Png, true)]
    [InlineData("收入证明.jpg", DocumentFormats.Pdf, false)]
    [InlineData("setup.exe", DocumentFormats.Png, false)]
    [InlineData("report.pdf", DocumentFormats.Png, false)]
    public void A_name_must_not_say_another_type_than_the_content(string name, string type, bool fits) =>
        Assert.Equal(fits, DocumentFormats.NameFits(name, type));
}
