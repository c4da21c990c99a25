using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Hr.Leave;

/// <summary>A leave request (请假单), submitted for approval when it is made; the approval's outcome decides it.</summary>
[Audited]
internal sealed class LeaveRequest : AggregateRoot, IMultiTenant, IEmployeeDocument
{
    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid EmployeeId { get; private set; }
    public string EmployeeName { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public Guid ApplicantUserId { get; private set; }
    public Guid LeaveTypeId { get; private set; }
    public string LeaveTypeName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public decimal Days { get; private set; }
    public string? Reason { get; private set; }
    public LeaveRequestStatus Status { get; private set; }
    public Guid? ApprovalId { get; private set; }
    public string? DecisionComment { get; private set; }

    private LeaveRequest() { }

    /// <summary>Checks the days against what is left of the balance after the employee's other pending requests.</summary>
    public static LeaveRequest Submit(string number, Guid employeeId, string employeeName, Guid? departmentId, Guid applicantUserId, LeaveType type,
        DateOnly from, DateOnly to, string? reason, LeaveBalance balance, decimal pendingDays)
    {
        var days = WorkingDays.Between(from, to);
        if (days == 0) throw new BusinessException(LeaveErrors.NoWorkingDays, StatusCodes.Status422UnprocessableEntity) { Field = "to" };
        var available = balance.Remaining - pendingDays;
        if (days > available)
            throw new BusinessException(LeaveErrors.InsufficientLeaveBalance, StatusCodes.Status422UnprocessableEntity, type.Name, days, available) { Field = "to" };
        return new LeaveRequest
        {
            Number = number,
            EmployeeId = employeeId,
            EmployeeName = employeeName,
            DepartmentId = departmentId,
            ApplicantUserId = applicantUserId,
            LeaveTypeId = type.Id,
            LeaveTypeName = type.Name,
            From = from,
            To = to,
            Days = days,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Status = LeaveRequestStatus.Pending,
        };
    }

    public bool Overlaps(DateOnly from, DateOnly to) => Status is LeaveRequestStatus.Pending or LeaveRequestStatus.Approved && From <= to && To >= from;

    public void AwaitApproval(Guid approvalId) => ApprovalId = approvalId;

    public void Approve(string? comment, LeaveBalance balance)
    {
        EnsurePending();
        Status = LeaveRequestStatus.Approved;
        DecisionComment = comment;
        balance.Take(Days);
        Raise(new LeaveApproved(Id, EmployeeId, LeaveTypeName, From, To, Days, ApplicantUserId));
    }

    public void Reject(string comment)
    {
        EnsurePending();
        Status = LeaveRequestStatus.Rejected;
        DecisionComment = comment;
    }

    public void Withdraw()
    {
        EnsurePending();
        Status = LeaveRequestStatus.Withdrawn;
    }

    private void EnsurePending()
    {
        if (Status != LeaveRequestStatus.Pending)
            throw new BusinessException(LeaveErrors.LeaveNotPending, StatusCodes.Status409Conflict, Number, Status);
    }
}
