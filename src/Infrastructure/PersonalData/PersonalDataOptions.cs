namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>Bound from "PersonalData". In production the master key must come from the environment (PersonalData__MasterKey).</summary>
public sealed class PersonalDataOptions
{
    /// <summary>Base64 of 32 random bytes. When empty outside production, a development key is generated into the data folder.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Folder of stored files (uploads, rejected-row files, documents), each encrypted; defaults to {data}/files.</summary>
    public string? FilesDirectory { get; set; }
}
