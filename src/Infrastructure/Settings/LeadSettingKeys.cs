namespace LoanSaaS.Infrastructure.Settings;

/// <summary>Names of the <see cref="Domain.Settings.AgencySetting"/> rows of the leads feature.</summary>
public static class LeadSettingKeys
{
    /// <summary>"Skip" | "FillEmpty" | "Overwrite": what imports and manual entry do with a duplicate by default.</summary>
    public const string DuplicatePolicy = "leads.duplicate-policy";

    /// <summary>JSON <see cref="ConsentIndex"/>: the current consent version and the list of every version.</summary>
    public const string Consent = "leads.consent";

    /// <summary>JSON <see cref="ApplyFormText"/>: the public form's title and introduction.</summary>
    public const string ApplyForm = "leads.apply-form";

    /// <summary>The exact text of one consent version (one row per version, so no row outgrows its column).</summary>
    public static string ConsentText(string version) => Consent + ":" + version;
}
