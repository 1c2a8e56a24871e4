using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Imports;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Copies an uploaded document into the encrypted store while checking it: at most <see cref="DocumentFormats.MaxBytes"/>
/// whatever size the client claimed, and a type decided from the first bytes that the file name agrees with. A refusal
/// throws <see cref="UploadRefusedException"/> (Empty, TooLarge, WrongType, Mismatch), so nothing is stored.
/// </summary>
internal sealed class DocumentInspector(string fileName)
{
    private readonly byte[] _head = new byte[DocumentFormats.HeadLength];
    private int _headLength;

    public long Length { get; private set; }

    /// <summary>The sniffed content type, once the copy succeeded.</summary>
    public string? ContentType { get; private set; }

    public async Task CopyAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (Length + read > DocumentFormats.MaxBytes) throw new UploadRefusedException("TooLarge");
            if (_headLength < _head.Length)
            {
                var n = Math.Min(read, _head.Length - _headLength);
                buffer.AsSpan(0, n).CopyTo(_head.AsSpan(_headLength));
                _headLength += n;
                if (_headLength == _head.Length) CheckHead();
            }
            Length += read;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (Length == 0) throw new UploadRefusedException("Empty");
        ContentType ??= CheckHead();
    }

    private string CheckHead()
    {
        var type = DocumentFormats.Sniff(_head.AsSpan(0, _headLength)) ?? throw new UploadRefusedException("WrongType");
        if (!DocumentFormats.NameFits(fileName, type)) throw new UploadRefusedException("Mismatch");
        return ContentType = type;
    }
}
