namespace LoanSaaS.Web.Shell;

/// <summary>Resource marker for the shell: navigation, menus, status pages.</summary>
public sealed class ShellText;
