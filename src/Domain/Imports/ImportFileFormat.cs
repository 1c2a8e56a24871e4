namespace LoanSaaS.Domain.Imports;

public enum ImportFileFormat
{
    Xlsx,
    Csv,
}
