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
    public const string Inventory = "1405";
    public const string CostOfSales = "6401";
    // Procure-to-Pay: goods received before their bill are owed at the order price (暂估), the bill's VAT is deductible input tax,
    // stocktake differences wait in 待处理财产损溢 until management decides where they go.
    public const string AccruedPayables = "220201";
    public const string VatInput = "222102";
    public const string PendingAssetGainsAndLosses = "1901";

    public static IReadOnlyList<Account> Standard() =>
    [
        new("1001", "库存现金", "Cash on hand", AccountType.Asset),
        new(Bank, "银行存款", "Bank deposits", AccountType.Asset),
        new(Receivables, "应收账款", "Accounts receivable", AccountType.Asset),
        new("1221", "其他应收款", "Other receivables", AccountType.Asset),
        new(Inventory, "库存商品", "Merchandise inventory", AccountType.Asset),
        new("1601", "固定资产", "Fixed assets", AccountType.Asset),
        new(PendingAssetGainsAndLosses, "待处理财产损溢", "Pending gains and losses on assets", AccountType.Asset),
        new(Payables, "应付账款", "Accounts payable", AccountType.Liability),
        new(AccruedPayables, "应付账款-暂估", "Accounts payable - goods received not billed", AccountType.Liability),
        new(OtherPayables, "其他应付款", "Other payables", AccountType.Liability),
        new("2211", "应付职工薪酬", "Employee benefits payable", AccountType.Liability),
        new("2221", "应交税费", "Taxes payable", AccountType.Liability),
        new(VatOutput, "应交税费-应交增值税(销项税额)", "VAT payable - output tax", AccountType.Liability),
        new(VatInput, "应交税费-应交增值税(进项税额)", "VAT payable - input tax", AccountType.Liability),
        new("4001", "实收资本", "Paid-in capital", AccountType.Equity),
        new("4103", "本年利润", "Current year profit", AccountType.Equity),
        new(Revenue, "主营业务收入", "Main business revenue", AccountType.Revenue),
        new("6051", "其他业务收入", "Other business revenue", AccountType.Revenue),
        new(CostOfSales, "主营业务成本", "Main business cost", AccountType.Expense),
        new("6601", "销售费用", "Selling expenses", AccountType.Expense),
        new(AdminExpenses, "管理费用", "Administrative expenses", AccountType.Expense),
        new("6603", "财务费用", "Financial expenses", AccountType.Expense),
    ];
}
