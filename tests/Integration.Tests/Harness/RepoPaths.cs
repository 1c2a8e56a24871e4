using System.Reflection;

namespace LoanSaaS.Integration.Tests.Harness;

public static class RepoPaths
{
    /// <summary>The checkout's root, found from the project folder baked in at build time (the build output may live elsewhere).</summary>
    public static string Root
    {
        get
        {
            var source = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .First(a => a.Key == "SourceDirectory").Value!;
            var dir = new DirectoryInfo(source);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LoanSaaS.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException($"LoanSaaS.sln not found above {source}.");
        }
    }

    public static string Artifacts(params string[] parts) => Path.Combine([Root, "artifacts", .. parts]);
}
