using BizSuite.Kernel;

namespace BizSuite.Finance.Accounting;

public enum AccountType { Asset, Liability, Equity, Cost, Revenue, Expense }

/// <summary>An account of the tenant's chart of accounts (会计科目).</summary>
internal sealed class Account : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public AccountType Type { get; private set; }

    private Account() { }

    public Account(string code, string name, string nameEn, AccountType type)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
        Type = type;
    }

    /// <summary>Assets, costs and expenses grow on the debit side; the others on the credit side.</summary>
    public bool IsDebitNormal => Type is AccountType.Asset or AccountType.Cost or AccountType.Expense;
}

/// <summary>
/// The accounts every tenant starts with: the commonly used part of the Chinese Accounting Standards
/// for Business Enterprises chart (企业会计准则). Tenants may add accounts later; postings use these codes.
/// </summary>
internal static class ChartOfAccounts
{
    public const string Bank = "1002";
    public const string Receivables = "1122";
    public const string Payables = "2202";
    public const string OtherPayables = "2241";
    public const string AdminExpenses = "6602";
    public const string VatOutput = "222101";
    public const string Revenue = "6001";

    public static IReadOnlyList<Account> Standard() =>
    [
        new("1001", "库存现金", "Cash on hand", AccountType.Asset),
        new(Bank, "银行存款", "Bank deposits", AccountType.Asset),
        new(Receivables, "应收账款", "Accounts receivable", AccountType.Asset),
        new("1221", "其他应收款", "Other receivables", AccountType.Asset),
        new("1405", "库存商品", "Merchandise inventory", AccountType.Asset),
        new("1601", "固定资产", "Fixed assets", AccountType.Asset),
        new(Payables, "应付账款", "Accounts payable", AccountType.Liability),
        new(OtherPayables, "其他应付款", "Other payables", AccountType.Liability),
        new("2211", "应付职工薪酬", "Employee benefits payable", AccountType.Liability),
        new("2221", "应交税费", "Taxes payable", AccountType.Liability),
        new(VatOutput, "应交税费-应交增值税(销项税额)", "VAT payable - output tax", AccountType.Liability),
        new("4001", "实收资本", "Paid-in capital", AccountType.Equity),
        new("4103", "本年利润", "Current year profit", AccountType.Equity),
        new(Revenue, "主营业务收入", "Main business revenue", AccountType.Revenue),
        new("6051", "其他业务收入", "Other business revenue", AccountType.Revenue),
        new("6401", "主营业务成本", "Main business cost", AccountType.Expense),
        new("6601", "销售费用", "Selling expenses", AccountType.Expense),
        new(AdminExpenses, "管理费用", "Administrative expenses", AccountType.Expense),
        new("6603", "财务费用", "Financial expenses", AccountType.Expense),
    ];
}
