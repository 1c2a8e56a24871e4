using System.Text.Json;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Outbox;

/// <summary>An SMS gateway. <paramref name="mobile"/> is E.164. Throws when the gateway refuses (the outbox retries).</summary>
public interface ISmsSender
{
    Task SendAsync(TenantInfo agency, string mobile, string body, CancellationToken ct);
}

/// <summary>An email gateway (SMTP or an API). Throws when it refuses (the outbox retries).</summary>
public interface IEmailSender
{
    Task SendAsync(TenantInfo agency, string to, string subject, string body, CancellationToken ct);
}

/// <summary>
/// The local channel until real gateways are configured: each message is appended as one JSON line to
/// {Database:DataDirectory}/outbox/{agency}/{sms|email}-{yyyyMMdd}.log, recipient masked (the file is not encrypted,
/// so it never holds the plain number or address). The 发送记录 page shows the same messages from the outbox.
/// </summary>
public sealed class LocalMailbox(IOptions<DatabaseOptions> database, TimeProvider time) : ISmsSender, IEmailSender, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task SendAsync(TenantInfo agency, string mobile, string body, CancellationToken ct) =>
        AppendAsync(agency, OutboxChannel.Sms, PersonalData.MobileNumbers.Mask(mobile), null, body, ct);

    public Task SendAsync(TenantInfo agency, string to, string subject, string body, CancellationToken ct) =>
        AppendAsync(agency, OutboxChannel.Email, EmailAddresses.Mask(to), subject, body, ct);

    public void Dispose() => _gate.Dispose();

    public string FolderOf(TenantInfo agency) => Path.Combine(database.Value.DataDirectory, "outbox", agency.Slug);

    private async Task AppendAsync(TenantInfo agency, OutboxChannel channel, string to, string? subject, string body, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var folder = FolderOf(agency);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{channel.ToString().ToLowerInvariant()}-{Domain.Time.Shanghai.DateOf(now):yyyyMMdd}.log");
        var line = JsonSerializer.Serialize(new { at = now, to, subject, body }) + "\n";
        await _gate.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(file, line, ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}

public static class EmailAddresses
{
    /// <summary>"z***@example.com": the first character of the local part and the domain.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}
