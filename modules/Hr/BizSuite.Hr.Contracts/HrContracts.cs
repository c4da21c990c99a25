using BizSuite.Kernel;

namespace BizSuite.Hr;

/// <summary>What other modules may ask HR about the organisation (the approval engine's department-head rule, announcements to departments).</summary>
public interface IOrgDirectory
{
    /// <summary>The user account of the head of the department the user's employee record belongs to; null when there is none.</summary>
    Task<Guid?> FindDepartmentHeadAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's department and all its ancestors (an announcement to a department reaches its sub-departments).</summary>
    Task<IReadOnlyList<Guid>> DepartmentPathAsync(Guid userId, CancellationToken cancellationToken);
}

public enum EmployeeStatus { Probation, Active, OnLeave, Resigned }

public enum CandidateStage { Applied, Screening, Interview, Offer, Hired, Rejected }

/// <summary>A candidate was hired: the employee exists; Identity gives them an account, OA their onboarding tasks and welcome announcement.</summary>
public sealed record EmployeeHired(Guid EmployeeId, string EmployeeNumber, string Name, string Email, Guid? DepartmentId, Guid? ManagerEmployeeId,
    DateOnly HireDate) : IDomainEvent;

/// <summary>HR saved an employee's record by hand (not a hire), custom values included.</summary>
public sealed record EmployeeUpdated(Guid EmployeeId, string EmployeeNumber, string Name, Guid? DepartmentId, EmployeeStatus Status,
    System.Text.Json.Nodes.JsonObject CustomFields) : IDomainEvent;

/// <summary>An employee got a user account (set by HR when the account is created for them).</summary>
public sealed record EmployeeAccountLinked(Guid EmployeeId, Guid UserId) : IDomainEvent;

public sealed record ExpenseClaimLineData(string Category, string Description, decimal Amount);

/// <summary>An expense claim was approved: Finance records a payable to the employee and posts its voucher.</summary>
public sealed record ExpenseClaimApproved(Guid ClaimId, string ClaimNumber, Guid EmployeeId, string EmployeeName, string Currency, decimal Total,
    IReadOnlyList<ExpenseClaimLineData> Lines) : IDomainEvent;

/// <summary>HR approved a leave; <paramref name="ApplicantUserId"/> is the employee's account (OA hands their approvals to a substitute meanwhile).</summary>
public sealed record LeaveApproved(Guid LeaveRequestId, Guid EmployeeId, string LeaveType, DateOnly From, DateOnly To, decimal Days, Guid? ApplicantUserId = null)
    : IDomainEvent;

/// <summary>The HR records with a timeline (<c>/api/oa/timeline/{type}/{id}</c>).</summary>
public static class HrRecordTypes
{
    public const string Employee = "hr.employee";
}

public static class HrPermissions
{
    public const string Departments = "Hr.Departments";
    public const string DepartmentsManage = "Hr.Departments.Manage";
    public const string Employees = "Hr.Employees";
    public const string EmployeesManage = "Hr.Employees.Manage";
    public const string EmployeesNationalId = "Hr.Employees.NationalId";
    /// <summary>Self-service: every member reads their own employee record.</summary>
    public const string MyProfile = "Hr.MyProfile";
    public const string Recruitment = "Hr.Recruitment";
    public const string RecruitmentManage = "Hr.Recruitment.Manage";
    public const string Leave = "Hr.Leave";
    public const string LeaveManage = "Hr.Leave.Manage";
    public const string Expenses = "Hr.Expenses";
    public const string ExpensesManage = "Hr.Expenses.Manage";
}
