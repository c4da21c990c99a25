using BizSuite.Kernel;

namespace BizSuite.Hr;

public sealed record DepartmentDto(Guid Id, string Name, string Code, Guid? ParentId, Guid? HeadEmployeeId, string? HeadName, int EmployeeCount);

public sealed record SaveDepartmentRequest(string Name, string Code, Guid? ParentId, Guid? HeadEmployeeId);

/// <summary><c>NationalIdMasked</c> is all any screen shows; the number itself only through the national-id endpoint.</summary>
public sealed record EmployeeDto(Guid Id, string Number, string Name, Guid? DepartmentId, string? DepartmentName, string? Position, Guid? ManagerId,
    string? ManagerName, DateOnly HireDate, EmployeeStatus Status, string? Phone, string? Email, Guid? UserId, string? NationalIdMasked, DateTime CreatedAt,
    [property: CustomFields(HrCustomFields.Employee)] System.Text.Json.Nodes.JsonObject CustomFields);

/// <summary>The kinds of HR record that take the tenant's custom fields.</summary>
public static class HrCustomFields
{
    public const string Employee = "hr.employee";
}

/// <summary><c>NationalId</c> null leaves the stored number as it is (the form shows only the mask).</summary>
public sealed record SaveEmployeeRequest(string Name, Guid? DepartmentId, string? Position, Guid? ManagerId, DateOnly HireDate, EmployeeStatus Status,
    string? Phone, string? Email, string? NationalId, Guid? UserId, System.Text.Json.Nodes.JsonObject? CustomFields = null);

public sealed record NationalIdDto(string NationalId);

public sealed record OrgChartPerson(Guid Id, string Number, string Name, string? Position);

/// <summary>One department of the org chart with its head, its (non-resigned) employees and its sub-departments.</summary>
public sealed record OrgChartNode(Guid Id, string Name, string Code, OrgChartPerson? Head, IReadOnlyList<OrgChartPerson> Employees,
    IReadOnlyList<OrgChartNode> Children);

public static class HrErrors
{
    public const string DepartmentCycle = "Hr:DepartmentCycle";
    public const string DepartmentNotEmpty = "Hr:DepartmentNotEmpty";
    public const string DuplicateDepartmentCode = "Hr:DuplicateDepartmentCode";
    public const string InvalidNationalId = "Hr:InvalidNationalId";
    public const string DuplicateEmployeeEmail = "Hr:DuplicateEmployeeEmail";
    public const string UserAlreadyLinked = "Hr:UserAlreadyLinked";
    public const string OwnManager = "Hr:OwnManager";
    public const string UnknownDepartment = "Hr:UnknownDepartment";
    public const string AmbiguousDepartment = "Hr:AmbiguousDepartment";
    public const string NoEmployeeRecord = "Hr:NoEmployeeRecord";
    public const string CandidateStageNotAllowed = "Hr:CandidateStageNotAllowed";
    public const string OfferNotApproved = "Hr:OfferNotApproved";
    public const string OfferPending = "Hr:OfferPending";
    public const string RejectionReasonRequired = "Hr:RejectionReasonRequired";
    public const string OpeningClosed = "Hr:OpeningClosed";
}

/// <summary>Tenant settings of the HR module.</summary>
public static class HrSettings
{
    /// <summary>The role a hired employee's new user account gets.</summary>
    public const string NewEmployeeRole = "Hr.NewEmployeeRole";
    /// <summary>Onboarding task titles, one per line.</summary>
    public const string OnboardingTasks = "Hr.OnboardingTasks";
}

/// <summary>The organisation tree of the current tenant.</summary>
public interface IDepartmentAppService
{
    Task<IReadOnlyList<DepartmentDto>> GetListAsync(CancellationToken ct);
    Task<DepartmentDto> GetAsync(Guid id, CancellationToken ct);
    Task<DepartmentDto> CreateAsync(SaveDepartmentRequest request, CancellationToken ct);
    Task<DepartmentDto> UpdateAsync(Guid id, SaveDepartmentRequest request, CancellationToken ct);
    Task DeleteAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<OrgChartNode>> OrgChartAsync(CancellationToken ct);
}

/// <summary>Employees of the current tenant.</summary>
public interface IEmployeeAppService
{
    Task<PagedResult<EmployeeDto>> GetListAsync(PageRequest page, Guid? departmentId, EmployeeStatus? status, CancellationToken ct);
    Task<EmployeeDto> GetAsync(Guid id, CancellationToken ct);
    Task<EmployeeDto> GetMineAsync(CancellationToken ct);
    Task<NationalIdDto> GetNationalIdAsync(Guid id, CancellationToken ct);
    Task<EmployeeDto> CreateAsync(SaveEmployeeRequest request, CancellationToken ct);
    Task<EmployeeDto> UpdateAsync(Guid id, SaveEmployeeRequest request, CancellationToken ct);
}
