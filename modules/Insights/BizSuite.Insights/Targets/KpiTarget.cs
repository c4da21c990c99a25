using BizSuite.Kernel;

namespace BizSuite.Insights.Targets;

/// <summary>A tenant's target for one KPI and the role told when the KPI misses it.</summary>
internal sealed class KpiTarget : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Key { get; private set; } = "";
    public decimal? Target { get; private set; }
    public string OwnerRole { get; private set; } = "";

    private KpiTarget() { }

    public KpiTarget(string key) => Key = key;

    public void Set(decimal? target, string ownerRole)
    {
        Target = target;
        OwnerRole = ownerRole.Trim();
    }
}

/// <summary>
/// A KPI that missed its target in a period, recorded when it was reported so it is reported once; raising
/// <see cref="KpiBreached"/> tells the owner role (OA notifications) and the webhook subscribers.
/// </summary>
internal sealed class KpiBreach : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Key { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public decimal Value { get; private set; }
    public decimal Target { get; private set; }
    public DateTime ReportedAt { get; private set; }

    private KpiBreach() { }

    public KpiBreach(KpiBreached breached, DateTime reportedAt)
    {
        Id = breached.BreachId;
        Key = breached.Key;
        Period = breached.Period;
        PeriodStart = breached.PeriodStart;
        Value = breached.Value;
        Target = breached.Target;
        ReportedAt = reportedAt;
        Raise(breached);
    }
}
