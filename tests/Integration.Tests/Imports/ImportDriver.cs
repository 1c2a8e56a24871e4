using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Integration.Tests.Harness;
using MiniExcelLibs;

namespace LoanSaaS.Integration.Tests.Imports;

/// <summary>Drives the import use cases as a member's circuit would: upload, start, wait for the end, read the rejected rows.</summary>
public static class ImportDriver
{
    public static Task<Result<UploadedImport>> UploadAsync(MemberScope member, byte[] content, string name) =>
        member.Get<UploadLeadImport>().HandleAsync(new UploadLeadImportRequest(new MemoryStream(content), name, content.Length), CancellationToken.None);

    public static async Task<UploadedImport> UploadOkAsync(MemberScope member, byte[] content, string name)
    {
        var uploaded = await UploadAsync(member, content, name);
        Assert.True(uploaded.Succeeded, "upload refused: " + string.Join(", ", uploaded.Errors));
        return uploaded.Value!;
    }

    public static async Task<ImportSummary> RunAsync(MemberScope member, UploadedImport uploaded, DuplicatePolicy policy = DuplicatePolicy.FillEmpty,
        string? ownerId = null, IReadOnlyList<ImportField>? mapping = null)
    {
        var started = await member.Get<StartLeadImport>().HandleAsync(
            new StartLeadImportRequest(uploaded.ImportId, mapping ?? uploaded.Mapping, policy, ownerId, uploaded.CustomMapping), CancellationToken.None);
        Assert.True(started.Succeeded, "start refused: " + string.Join(", ", started.Errors));
        return await WaitAsync(member, uploaded.ImportId);
    }

    public static async Task<ImportSummary> WaitAsync(MemberScope member, Guid importId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var import = await member.Get<GetLeadImport>().HandleAsync(importId, CancellationToken.None);
            Assert.NotNull(import);
            if (import.Status is ImportStatus.Completed or ImportStatus.Failed) return import;
            if (timeout.IsCancellationRequested) throw new TimeoutException($"import {importId} is still {import.Status} at {import.ProcessedRows} rows");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>The rejected-rows workbook as rows of header → value (including the reason column "原因").</summary>
    public static async Task<List<IDictionary<string, object?>>> RejectedRowsAsync(MemberScope member, Guid importId)
    {
        var file = await member.Get<DownloadRejectedRows>().HandleAsync(importId, CancellationToken.None);
        Assert.NotNull(file);
        using var copy = new MemoryStream();
        await using (file.Content) await file.Content.CopyToAsync(copy);
        copy.Position = 0;
        return copy.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
