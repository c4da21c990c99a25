using BizSuite.Kernel;

namespace BizSuite.Hr.Leave;

/// <summary>A kind of leave (假期类型: 年假, 病假, 事假) with the days each employee is entitled to per year.</summary>
[Audited]
internal sealed class LeaveType : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal YearlyDays { get; private set; }
    public bool Paid { get; private set; }
    public bool IsActive { get; private set; } = true;

    private LeaveType() { }

    public LeaveType(string name, decimal yearlyDays, bool paid) => Update(name, yearlyDays, paid, true);

    public void Update(string name, decimal yearlyDays, bool paid, bool isActive)
    {
        Name = name.Trim();
        YearlyDays = yearlyDays;
        Paid = paid;
        IsActive = isActive;
    }

    /// <summary>What every new tenant starts with (the statutory minimum of annual leave is 5 days).</summary>
    public static IReadOnlyList<LeaveType> Defaults() => [new("年假 Annual leave", 5, true), new("病假 Sick leave", 10, true), new("事假 Personal leave", 10, false)];
}

/// <summary>
/// One employee's days of one leave type in one year (年度额度). Created when first needed from the type's yearly days;
/// HR may change the entitlement (carry-over, seniority). Approved leave is counted as used.
/// </summary>
internal sealed class LeaveBalance : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public Guid LeaveTypeId { get; private set; }
    public int Year { get; private set; }
    public decimal Entitled { get; private set; }
    public decimal Used { get; private set; }
    public int Version { get; private set; }

    public decimal Remaining => Entitled - Used;

    private LeaveBalance() { }

    public LeaveBalance(Guid employeeId, LeaveType type, int year)
    {
        EmployeeId = employeeId;
        LeaveTypeId = type.Id;
        Year = year;
        Entitled = type.YearlyDays;
    }

    public void Adjust(decimal entitled)
    {
        Entitled = entitled;
        Version++;
    }

    public void Take(decimal days)
    {
        Used += days;
        Version++;
    }
}
