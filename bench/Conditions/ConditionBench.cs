using BenchmarkDotNet.Attributes;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Bench.Conditions;

/// <summary>
/// The 5-clause pool of the SQL benchmark (intent, amount, source, created within 365 days, tag) plus a custom-field
/// clause (名下房产 is 全款房 or 按揭房), checked against 1,000 varied leads in memory, and the cost of compiling it.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ConditionBench
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly CustomField House = new() { Id = Guid.Parse("0193a0c0-0000-7000-8000-000000000201"), Label = "名下房产", Type = FieldType.SingleSelect, Options = ["无", "全款房", "按揭房"] };

    private readonly ConditionSchema<Lead> _schema = LeadConditions.With([House]);
    private readonly ConditionNode _condition = ConditionGroup.AllOf(
        Comparison.Of("Intent", In, "A", "B"),
        Comparison.Of("AmountWan", GreaterOrEqual, "100"),
        Comparison.Of("Source", In, "platform", "referral"),
        Comparison.Of("CreatedAt", WithinLastDays, "365"),
        Comparison.Of("Tags", Contains, "有房"),
        Comparison.Of(House.Key, In, "全款房", "按揭房"));

    private Func<Lead, bool> _predicate = default!;
    private Lead[] _leads = [];

    [GlobalSetup]
    public void Setup()
    {
        _predicate = ConditionCompiler.Predicate(_condition, _schema, Now);
        var random = new Random(42);
        string[] sources = ["platform", "referral", "street", "web-form"];
        string[] houses = ["无", "全款房", "按揭房"];
        _leads = Enumerable.Range(0, 1_000).Select(i =>
        {
            var lead = new Lead
            {
                Number = "L" + i, Name = "客户" + i, Intent = (IntentLevel)random.Next(0, 4), AmountWan = random.Next(1, 300),
                Source = sources[random.Next(sources.Length)], CreatedAt = Now.AddDays(-random.Next(0, 700)),
            };
            if (random.Next(3) == 0) lead.Tags.Add(new LeadTag { LeadId = lead.Id, Tag = "有房" });
            lead.CustomValues.Add(new CustomFieldValue { LeadId = lead.Id, FieldId = House.Id, Text = houses[random.Next(houses.Length)] });
            return lead;
        }).ToArray();
    }

    /// <summary>1,000 checks: divide by 1,000 for one record.</summary>
    [Benchmark(OperationsPerInvoke = 1_000)]
    public int CheckOneRecord()
    {
        var matches = 0;
        foreach (var lead in _leads)
            if (_predicate(lead)) matches++;
        return matches;
    }

    [Benchmark]
    public Func<Lead, bool> Compile() => ConditionCompiler.Predicate(_condition, _schema, Now);
}
