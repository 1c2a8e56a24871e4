using System.Globalization;

namespace LoanSaaS.Web.Hosting;

/// <summary>
/// Test only ("Testing:ClockOffsetFile", never in Production): the real clock plus the offset written in a file
/// (TimeSpan invariant text, e.g. "1.01:00:00" or "-02:00:00"), re-read at most every quarter second, so a browser
/// test can move the app's time — reclaim deadlines, reminders — without restarting it. A missing or unreadable file is no offset.
/// </summary>
public sealed class OffsetFileClock(string path) : TimeProvider
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        var real = System.GetUtcNow();
        lock (_gate)
        {
            if (real - _readAt >= ReadEvery)
            {
                _offset = Read();
                _readAt = real;
            }
            return real + _offset;
        }
    }

    private TimeSpan Read()
    {
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path).Trim().TrimStart('+') : "";
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var offset) ? offset : TimeSpan.Zero;
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
