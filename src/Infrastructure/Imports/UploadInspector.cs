using System.Text;
using LoanSaaS.Domain.Imports;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>Thrown while an upload is copied when its content is refused; carries the stable error code.</summary>
public sealed class UploadRefusedException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>
/// Copies an upload into the store while checking it: the size limit (whatever size the client claimed), the content
/// type by its first bytes (a zip for .xlsx; text, not a known binary format, for .csv) and, for CSV, whether the whole
/// file is valid UTF-8 (else it is read as GBK/GB18030, the other encoding Chinese spreadsheets save).
/// </summary>
internal sealed class UploadInspector(ImportFileFormat format)
{
    private static readonly byte[][] BinarySignatures =
    [
        [0x50, 0x4B, 0x03, 0x04], [0x89, 0x50, 0x4E, 0x47], [0x25, 0x50, 0x44, 0x46], [0x47, 0x49, 0x46, 0x38],
        [0xFF, 0xD8, 0xFF], [0xD0, 0xCF, 0x11, 0xE0], [0x1F, 0x8B], [0x52, 0x61, 0x72, 0x21], [0x42, 0x4D],
    ];

    private const int BufferSize = 81920;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly Decoder _utf8 = StrictUtf8.GetDecoder();
    // GetChars (unlike GetCharCount) carries a character split across two reads over to the next one.
    private readonly char[] _chars = new char[StrictUtf8.GetMaxCharCount(BufferSize)];
    private readonly byte[] _head = new byte[8];
    private int _headLength;
    private bool _headChecked;
    private bool _validUtf8 = true;

    public long Length { get; private set; }

    /// <summary>The CSV encoding name kept in the plan (null = UTF-8).</summary>
    public string? Encoding => format == ImportFileFormat.Csv && !_validUtf8 ? ImportFileReader.Gb18030 : null;

    public async Task CopyAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (Length + read > ImportLimits.MaxFileBytes) throw new UploadRefusedException("TooLarge");
            Inspect(buffer.AsSpan(0, read));
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (Length == 0) throw new UploadRefusedException("Empty");
        if (!_headChecked) CheckHead();
        if (format == ImportFileFormat.Csv && _validUtf8) Utf8(ReadOnlySpan<byte>.Empty, flush: true);
    }

    private void Inspect(ReadOnlySpan<byte> chunk)
    {
        if (_headLength < _head.Length)
        {
            var n = Math.Min(chunk.Length, _head.Length - _headLength);
            chunk[..n].CopyTo(_head.AsSpan(_headLength));
            _headLength += n;
            if (_headLength == _head.Length) CheckHead();
        }
        if (format == ImportFileFormat.Csv)
        {
            if (Length < 8192 && chunk[..(int)Math.Min(chunk.Length, 8192 - Length)].Contains((byte)0)) throw new UploadRefusedException("WrongType");
            if (_validUtf8) Utf8(chunk, flush: false);
        }
        Length += chunk.Length;
    }

    private void CheckHead()
    {
        _headChecked = true;
        var head = _head[.._headLength];
        var isZip = head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);
        if (format == ImportFileFormat.Xlsx ? !isZip : BinarySignatures.Any(s => head.AsSpan().StartsWith(s)))
            throw new UploadRefusedException("WrongType");
    }

    private void Utf8(ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            _utf8.GetChars(bytes, _chars, flush);
        }
        catch (DecoderFallbackException)
        {
            _validUtf8 = false;
        }
    }
}
