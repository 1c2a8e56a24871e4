using System.Diagnostics;

namespace LoanSaaS.Integration.Tests.Harness;

public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> Lines => Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit code {ExitCode}\n{Stdout}\n{Stderr}";
}

/// <summary>Runs the built app's `migrate` command as a child process against an app host's catalog and databases.</summary>
public static class MigrateCommandRunner
{
    public static async Task<CommandResult> RunAsync(AppHost app, int parallel = 4)
    {
        // The Web project's build output is copied next to the test assembly.
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "migrate", "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in app.DatabaseEnvironment()) start.Environment[key] = value;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Demo__Enabled"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"migrate did not finish:\n{await stdout}\n{await stderr}");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
