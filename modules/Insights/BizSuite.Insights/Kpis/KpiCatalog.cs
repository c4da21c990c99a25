using BizSuite.Insights.Instances;
using M = BizSuite.Insights.Instances.Milestones;
using T = BizSuite.Insights.Instances.DocumentTypes;

namespace BizSuite.Insights.Kpis;

/// <summary>How a KPI is measured from the instances.</summary>
internal abstract record KpiMeasure;

/// <summary>Average time from one milestone to another, over the instances that reached the second one in the period.</summary>
internal sealed record Duration(string DocumentType, string From, string To) : KpiMeasure;

/// <summary>Share of the instances decided in the period (reached <paramref name="Hit"/> or <paramref name="Miss"/>) that reached <paramref name="Hit"/>.</summary>
internal sealed record Rate(string DocumentType, string Hit, string Miss) : KpiMeasure;

/// <summary>Of the invoices that fell due in the period (not credited), the share of their amount collected so far.</summary>
internal sealed record CollectionRate : KpiMeasure;

/// <summary>Of the invoices open at the end of the period, the share already past their due date.</summary>
internal sealed record OverdueShare : KpiMeasure;

/// <summary>
/// A KPI: its stable key (the UI translates it), process, unit (hours, days, percent, amount, count) and which way is good:
/// <c>max</c> when the value should stay at or below the target (durations), <c>min</c> at or above it (rates).
/// </summary>
internal sealed record KpiDefinition(string Key, string Process, string Unit, string Direction, KpiMeasure Measure)
{
    public bool Misses(decimal value, decimal target) => Direction == KpiDirections.Max ? value > target : value < target;
}

internal static class KpiDirections
{
    public const string Max = "max";
    public const string Min = "min";
}

internal static class KpiUnits
{
    public const string Hours = "hours";
    public const string Days = "days";
    public const string Percent = "percent";
}

internal static class KpiCatalog
{
    private const string L2C = Processes.LeadToCash, P2P = Processes.ProcureToPay, R2O = Processes.RecruitToOnboard, OA = Processes.Oa;
    private const string Max = KpiDirections.Max, Min = KpiDirections.Min;
    private const string Hours = KpiUnits.Hours, Days = KpiUnits.Days, Percent = KpiUnits.Percent;

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new("l2c.lead-qualification-rate", L2C, Percent, Min, new Rate(T.Lead, M.Qualified, M.Disqualified)),
        new("l2c.lead-qualification-time", L2C, Hours, Max, new Duration(T.Lead, M.Created, M.Qualified)),
        new("l2c.opportunity-win-rate", L2C, Percent, Min, new Rate(T.Opportunity, M.Won, M.Lost)),
        new("l2c.opportunity-cycle", L2C, Days, Max, new Duration(T.Opportunity, M.Opened, M.Won)),
        new("l2c.contract-approval-time", L2C, Hours, Max, new Duration(T.Contract, M.Submitted, M.Approved)),
        new("l2c.sign-to-first-invoice", L2C, Hours, Max, new Duration(T.Contract, M.Signed, M.FirstInvoice)),
        new("l2c.order-to-delivery", L2C, Days, Max, new Duration(T.SalesOrder, M.Created, M.Delivered)),
        new("l2c.dso", L2C, Days, Max, new Duration(T.Invoice, M.Issued, M.Paid)),
        new("l2c.sign-to-collected", L2C, Days, Max, new Duration(T.Contract, M.Signed, M.Collected)),
        new("l2c.collection-rate", L2C, Percent, Min, new CollectionRate()),
        new("l2c.overdue-share", L2C, Percent, Max, new OverdueShare()),

        new("p2p.request-approval-time", P2P, Hours, Max, new Duration(T.PurchaseRequest, M.Submitted, M.Approved)),
        new("p2p.approved-to-ordered", P2P, Hours, Max, new Duration(T.PurchaseRequest, M.Approved, M.Ordered)),
        new("p2p.ordered-to-received", P2P, Days, Max, new Duration(T.PurchaseOrder, M.Created, M.Received)),
        new("p2p.received-to-billed", P2P, Days, Max, new Duration(T.PurchaseOrder, M.Received, M.Billed)),
        new("p2p.dpo", P2P, Days, Max, new Duration(T.SupplierBill, M.Billed, M.Paid)),
        new("p2p.request-to-paid", P2P, Days, Max, new Duration(T.PurchaseRequest, M.Approved, M.Paid)),

        new("oa.approval-time", OA, Hours, Max, new Duration(T.Approval, M.Submitted, M.Decided)),
        new("oa.approval-rejection-rate", OA, Percent, Max, new Rate(T.Approval, M.Rejected, M.Approved)),
        new("oa.expense-approval-time", OA, Hours, Max, new Duration(T.ExpenseClaim, M.Submitted, M.Approved)),
        new("oa.expense-submit-to-paid", OA, Days, Max, new Duration(T.ExpenseClaim, M.Submitted, M.Paid)),
    ];

    public static KpiDefinition? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}
