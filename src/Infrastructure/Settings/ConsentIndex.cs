namespace LoanSaaS.Infrastructure.Settings;

/// <summary>One consent version as listed in the history; its text lives in its own row.</summary>
public sealed record ConsentVersionInfo(string Id, DateTimeOffset At, string By);

/// <summary>The stored list of consent versions, oldest first; <see cref="Current"/> is the one the form shows.</summary>
public sealed record ConsentIndex(string Current, IReadOnlyList<ConsentVersionInfo> Versions);

/// <summary>The public form's own words; null means the localized default.</summary>
public sealed record ApplyFormText(string? Title, string? Intro)
{
    public const int MaxTitleLength = 50;
    public const int MaxIntroLength = 300;
    public static readonly ApplyFormText Default = new(null, null);
}
