using System.Text;
using LoanSaaS.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Imports;

public static class ImportServices
{
    /// <summary>The encrypted file store, the import queue and its background worker (the use cases register themselves).</summary>
    public static IServiceCollection AddLeadImports(this IServiceCollection services)
    {
        // GBK/GB18030 CSV files: the code-page encodings are not available until registered (process-wide, idempotent).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddSingleton<EncryptedFileStore>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRecovery>();
        services.AddScoped<LeadImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
