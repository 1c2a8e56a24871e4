namespace LoanSaaS.Domain.Applications;

/// <summary>
/// What an application accepts as a document, decided from the content's first bytes (magic numbers), never from the
/// name or the browser's content type: JPEG, PNG, WebP and PDF, at most <see cref="MaxBytes"/>. A name whose extension
/// says another type than the content is refused too (a PDF renamed .jpg, an executable renamed .png).
/// </summary>
public static class DocumentFormats
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 12;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    /// <summary>What the file picker offers (a hint only; the content decides).</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,application/pdf";

    /// <summary>The content type the bytes start like, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    /// <summary>False when the name's extension names another type than the content (no extension: the content decides).</summary>
    public static bool NameFits(string fileName, string contentType)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length == 0 || ContentTypeOf(extension) == contentType;
    }

    public static bool IsImage(string contentType) => contentType is Jpeg or Png or WebP;

    private static string? ContentTypeOf(string extension) => extension switch
    {
        ".jpg" or ".jpeg" or ".jfif" => Jpeg,
        ".png" => Png,
        ".webp" => WebP,
        ".pdf" => Pdf,
        _ => null,
    };
}
