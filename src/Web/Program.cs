using LoanSaaS.Web.Commands;
using LoanSaaS.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLoanSaaS();
var app = builder.Build();

if (args.FirstOrDefault() == "migrate")
    return await MigrateCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None);

await StartupTasks.RunAsync(app, CancellationToken.None);
app.UseLoanSaaS();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
