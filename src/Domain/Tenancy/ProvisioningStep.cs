namespace LoanSaaS.Domain.Tenancy;

/// <summary>
/// The last completed provisioning step of a new agency, in execution order,
/// so a failed provisioning can resume from where it stopped. Values are persisted: never renumber.
/// </summary>
public enum ProvisioningStep
{
    Registered = 0,
    DatabaseCreated = 1,
    Migrated = 2,
    Seeded = 3,
    OwnerCreated = 4,
    Completed = 5,
}
