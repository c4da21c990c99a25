namespace BizSuite.Hr;

public enum LeaveRequestStatus { Pending, Approved, Rejected, Withdrawn }

/// <summary>A rejected or withdrawn claim goes back to Draft (with the comment) to be edited and submitted again.</summary>
public enum ExpenseClaimStatus { Draft, Submitted, Approved, Paid }

public sealed record LeaveTypeDto(Guid Id, string Name, decimal YearlyDays, bool Paid, bool IsActive);

public sealed record SaveLeaveTypeRequest(string Name, decimal YearlyDays, bool Paid, bool IsActive = true);

public sealed record LeaveBalanceDto(Guid Id, Guid EmployeeId, string EmployeeName, Guid LeaveTypeId, string LeaveTypeName, int Year, decimal Entitled,
    decimal Used, decimal Pending, decimal Remaining);

public sealed record AdjustLeaveBalanceRequest(decimal Entitled);

public sealed record LeaveRequestDto(Guid Id, string Number, Guid EmployeeId, string EmployeeName, Guid? DepartmentId, Guid LeaveTypeId, string LeaveTypeName,
    DateOnly From, DateOnly To, decimal Days, string? Reason, LeaveRequestStatus Status, Guid? ApprovalId, string? DecisionComment, DateTime CreatedAt);

public sealed record CreateLeaveRequest(Guid LeaveTypeId, DateOnly From, DateOnly To, string? Reason);

/// <summary>One person's approved and pending leave in the calendar month of a department.</summary>
public sealed record LeaveCalendarEntry(Guid RequestId, Guid EmployeeId, string EmployeeName, string LeaveTypeName, DateOnly From, DateOnly To, decimal Days,
    LeaveRequestStatus Status);

public sealed record LeaveCalendarDto(string Month, Guid? DepartmentId, IReadOnlyList<LeaveCalendarEntry> Entries);

/// <summary>The fixed expense categories (报销类别); the UI shows them translated.</summary>
public static class ExpenseCategories
{
    public const string Travel = "Travel";
    public const string Transport = "Transport";
    public const string Meals = "Meals";
    public const string OfficeSupplies = "OfficeSupplies";
    public const string Entertainment = "Entertainment";
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [Travel, Transport, Meals, OfficeSupplies, Entertainment, Other];
}

public sealed record ExpenseLineDto(int LineNumber, string Category, string Description, decimal Amount, Guid? AttachmentId, string? AttachmentName);

public sealed record ExpenseClaimDto(Guid Id, string Number, Guid EmployeeId, string EmployeeName, Guid? DepartmentId, string Title, string Currency,
    decimal Total, ExpenseClaimStatus Status, Guid? ApprovalId, string? RejectionComment, DateOnly? PaidOn, IReadOnlyList<ExpenseLineDto> Lines, DateTime CreatedAt);

public sealed record SaveExpenseLine(string Category, string Description, decimal Amount, Guid? AttachmentId);

public sealed record SaveExpenseClaimRequest(string Title, IReadOnlyList<SaveExpenseLine> Lines);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size);

public static class LeaveErrors
{
    public const string NoWorkingDays = "Hr:NoWorkingDays";
    public const string InsufficientLeaveBalance = "Hr:InsufficientLeaveBalance";
    public const string LeaveOverlap = "Hr:LeaveOverlap";
    public const string LeaveNotPending = "Hr:LeaveNotPending";
    public const string LeaveTypeInactive = "Hr:LeaveTypeInactive";
    public const string NotYourTeam = "Hr:NotYourTeam";
}

public static class ExpenseErrors
{
    public const string ClaimNotDraft = "Hr:ExpenseClaimNotDraft";
    public const string ClaimNotSubmitted = "Hr:ExpenseClaimNotSubmitted";
    public const string AttachmentTooLarge = "Hr:AttachmentTooLarge";
    public const string AttachmentType = "Hr:AttachmentType";
    public const string AttachmentNotYours = "Hr:AttachmentNotYours";
}
