namespace LoanSaaS.Web.Shell;

/// <summary>Per-circuit shell preferences.</summary>
public sealed class ShellState
{
    public bool? DarkMode { get; set; }
}
