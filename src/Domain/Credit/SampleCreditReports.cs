using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Credit;

/// <summary>
/// Deterministic sample reports for the local provider: everything is drawn from a hash of the ID number, so the same
/// person always gets the same report (only its date follows the day it is pulled), and different people get
/// plausibly different ones — a good score goes with few inquiries and a clean record, a poor one with overdue lines.
/// </summary>
public static class SampleCreditReports
{
    public const int MinScore = 300;
    public const int MaxScore = 850;

    private static readonly string[] Banks = ["工商银行", "建设银行", "招商银行", "平安银行", "浦发银行", "中信银行", "兴业银行", "交通银行"];
    private static readonly string[] FinanceCompanies = ["招联消费金融", "马上消费金融", "中银消费金融", "捷信消费金融"];

    /// <param name="idNumber">The normalised 18-digit ID number.</param>
    public static CreditReportContent For(string name, string idNumber, DateOnly reportDate)
    {
        var draw = new Draws(idNumber);
        var score = MinScore + draw.Next(MaxScore - MinScore + 1);
        var accounts = new List<CreditAccountLine>();
        // One in twenty is a 白户: no accounts at all.
        var accountCount = draw.Next(20) == 0 ? 0 : 1 + draw.Next(5);
        var overdueNow = score < 520 ? 1 + draw.Next(2) : score < 580 ? draw.Next(2) : 0;
        var anchor = new DateOnly(2012, 1, 1);
        for (var i = 0; i < accountCount; i++)
        {
            var kind = (CreditAccountKind)draw.Next(5);
            var institution = kind == CreditAccountKind.ConsumerLoan ? FinanceCompanies[draw.Next(FinanceCompanies.Length)] : Banks[draw.Next(Banks.Length)];
            var limit = kind switch
            {
                CreditAccountKind.CreditCard => 10_000m * (1 + draw.Next(10)),
                CreditAccountKind.Mortgage => 100_000m * (5 + draw.Next(26)),
                CreditAccountKind.CarLoan => 10_000m * (5 + draw.Next(26)),
                CreditAccountKind.ConsumerLoan => 10_000m * (1 + draw.Next(20)),
                _ => 100_000m * (1 + draw.Next(10)),
            };
            var closed = i < accountCount - 1 && draw.Next(5) == 0;
            var balance = closed ? 0m : decimal.Round(limit * draw.Next(95) / 100m, 0);
            var overdue = !closed && i < overdueNow;
            var overdueAmount = overdue ? decimal.Round(Math.Max(500m, balance * (1 + draw.Next(5)) / 100m), 0) : 0m;
            accounts.Add(new CreditAccountLine(institution, kind, anchor.AddDays(draw.Next(365 * 12)), limit, balance,
                closed ? CreditAccountState.Closed : overdue ? CreditAccountState.Overdue : CreditAccountState.Normal, overdueAmount));
        }
        var current = accounts.Count(a => a.State == CreditAccountState.Overdue);
        var history = current + (accounts.Count == 0 ? 0 : score < 620 ? draw.Next(4) : score < 700 ? draw.Next(2) : 0);
        var queries = score >= 720 ? draw.Next(3) : score >= 600 ? 1 + draw.Next(5) : 3 + draw.Next(10);
        return new CreditReportContent(name, ChineseIdNumber.Mask(idNumber), reportDate, score, current,
            accounts.Sum(a => a.OverdueAmount), history, queries, accounts.Sum(a => a.Balance), accounts);
    }

    /// <summary>A stream of numbers from SHA-256 of the ID number and a counter: stable across runs, machines and .NET versions.</summary>
    private sealed class Draws(string seed)
    {
        private readonly byte[] _seed = Encoding.UTF8.GetBytes("credit-sample:" + seed);
        private byte[] _block = [];
        private int _used;
        private int _counter;

        public int Next(int exclusiveMax)
        {
            if (_used + 4 > _block.Length)
            {
                var counter = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(counter, _counter++);
                _block = SHA256.HashData([.. _seed, .. counter]);
                _used = 0;
            }
            var value = BinaryPrimitives.ReadUInt32LittleEndian(_block.AsSpan(_used));
            _used += 4;
            return (int)(value % (uint)exclusiveMax);
        }
    }
}
