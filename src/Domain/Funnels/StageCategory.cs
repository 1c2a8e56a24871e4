namespace LoanSaaS.Domain.Funnels;

public enum StageCategory
{
    Open,
    Won,
    Lost,
}
