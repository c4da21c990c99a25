namespace BizSuite.Hr;

public enum JobOpeningStatus { Open, Closed }

public enum InterviewResult { Pass, Fail }

public enum OfferStatus { Pending, Approved, Rejected, Withdrawn }

public sealed record JobOpeningDto(Guid Id, string Title, Guid? DepartmentId, string? DepartmentName, int Headcount, JobOpeningStatus Status,
    string? Description, int CandidateCount, DateTime CreatedAt);

public sealed record SaveJobOpeningRequest(string Title, Guid? DepartmentId, int Headcount, string? Description, JobOpeningStatus Status = JobOpeningStatus.Open);

public sealed record InterviewDto(Guid Id, DateTime At, string Interviewer, InterviewResult Result, string? Notes);

public sealed record OfferDto(Guid Id, string Number, decimal MonthlySalary, string Currency, DateOnly StartDate, string Position, Guid? DepartmentId,
    string? DepartmentName, Guid? ManagerId, string? ManagerName, OfferStatus Status, string? DecisionComment, DateTime CreatedAt);

/// <summary>A candidate with their interviews and latest offer; <c>EmployeeId</c> once hired.</summary>
public sealed record CandidateDto(Guid Id, string Name, string Email, string? Phone, Guid OpeningId, string OpeningTitle, CandidateStage Stage,
    string? RejectionReason, Guid? EmployeeId, IReadOnlyList<InterviewDto> Interviews, OfferDto? Offer, DateTime CreatedAt);

public sealed record SaveCandidateRequest(string Name, string Email, string? Phone, Guid OpeningId);

/// <summary>Moves a candidate along the stages; <c>Reason</c> is required to reject. Hiring has its own endpoint.</summary>
public sealed record MoveCandidateRequest(CandidateStage Stage, string? Reason);

public sealed record RecordInterviewRequest(DateTime At, string Interviewer, InterviewResult Result, string? Notes);

/// <summary>An offer in CNY; the monthly salary is the amount the offer approval flow's conditions see.</summary>
public sealed record MakeOfferRequest(decimal MonthlySalary, DateOnly StartDate, string Position, Guid? DepartmentId, Guid? ManagerId);
