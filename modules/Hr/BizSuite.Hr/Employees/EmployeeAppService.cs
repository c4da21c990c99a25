using BizSuite.Hr.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Employees;

internal sealed class EmployeeAppService(HrDbContext db, DocumentNumbers numbers, ICurrentUser currentUser, IDataProtectionProvider protection,
    ICustomFields customFields)
    : IEmployeeAppService
{
    public const string NumberKind = "hr-employee";

    private readonly IDataProtector _nationalIds = protection.CreateProtector("BizSuite.Hr.NationalId.v1");

    /// <summary><paramref name="customField"/> and <paramref name="customValue"/> filter by one option of a custom select field.</summary>
    public async Task<PagedResult<EmployeeDto>> GetListAsync(PageRequest page, Guid? departmentId, EmployeeStatus? status, string? customField,
        string? customValue, CancellationToken ct)
    {
        var query = db.Employees.AsNoTracking();
        if (departmentId is not null) query = query.Where(e => e.DepartmentId == departmentId);
        if (status is not null) query = query.Where(e => e.Status == status);
        if (customField is not null && customValue is not null) query = query.WhereCustomValue(db, customField, customValue);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = await query.WhereMatchesAsync(db, page.Filter, ct);
        var total = await query.CountLimitedAsync(ct);
        query = query.SortBy(page, ("number", e => e.Number), ("name", e => e.Name), ("hireDate", e => e.HireDate), ("createdAt", e => e.CreatedAt));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<EmployeeDto>(await ToDtosAsync(items, ct), total);
    }

    Task<PagedResult<EmployeeDto>> IEmployeeAppService.GetListAsync(PageRequest page, Guid? departmentId, EmployeeStatus? status, CancellationToken ct) =>
        GetListAsync(page, departmentId, status, null, null, ct);

    public async Task<EmployeeDto> GetAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await LoadAsync(id, ct)], ct))[0];

    /// <summary>
    /// The signed-in user's own record (self-service), without the tenant's custom fields: HR defines them (an appraisal, a
    /// salary band) and only users who may read employees see their values.
    /// </summary>
    public async Task<EmployeeDto> GetMineAsync(CancellationToken ct)
    {
        var mine = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == currentUser.Id, ct)
                   ?? throw new BusinessException(HrErrors.NoEmployeeRecord, StatusCodes.Status404NotFound);
        return (await ToDtosAsync([mine], ct))[0] with { CustomFields = [] };
    }

    public async Task<NationalIdDto> GetNationalIdAsync(Guid id, CancellationToken ct)
    {
        var employee = await LoadAsync(id, ct);
        if (employee.EncryptedNationalId is null) throw new EntityNotFoundException("NationalId", id);
        return new NationalIdDto(_nationalIds.Unprotect(employee.EncryptedNationalId));
    }

    public async Task<EmployeeDto> CreateAsync(SaveEmployeeRequest request, CancellationToken ct)
    {
        var employee = await AddAsync(Data(request), request.NationalId, ct);
        // HR's own entry takes the defaults and must satisfy required fields; a hire from an offer starts without values.
        await customFields.SetAsync(HrCustomFields.Employee, employee, request.CustomFields, isNew: true, ct);
        await LinkAsync(employee, request.UserId, ct);
        return await GetDtoAsync(employee, ct);
    }

    /// <summary>Also how a hired candidate becomes an employee: the same checks and the next number.</summary>
    public async Task<Employee> AddAsync(EmployeeData data, string? nationalId, CancellationToken ct)
    {
        var employee = new Employee($"E{await numbers.NextAsync(NumberKind, ct):D6}", data);
        if (!string.IsNullOrWhiteSpace(nationalId)) employee.SetNationalId(nationalId, _nationalIds.Protect);
        await CheckAsync(employee, ct);
        db.Employees.Add(employee);
        return employee;
    }

    public async Task<EmployeeDto> UpdateAsync(Guid id, SaveEmployeeRequest request, CancellationToken ct)
    {
        var employee = await LoadAsync(id, ct);
        employee.Update(Data(request));
        if (!string.IsNullOrWhiteSpace(request.NationalId)) employee.SetNationalId(request.NationalId, _nationalIds.Protect);
        await CheckAsync(employee, ct);
        if (request.UserId != employee.UserId) await LinkAsync(employee, request.UserId, ct);
        await customFields.SetAsync(HrCustomFields.Employee, employee, request.CustomFields, isNew: false, ct);
        employee.Updated();
        return await GetDtoAsync(employee, ct);
    }

    public async Task<Employee> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Employees.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new EntityNotFoundException("Employee", id);

    public async Task<EmployeeDto> GetDtoAsync(Employee employee, CancellationToken ct) => (await ToDtosAsync([employee], ct))[0];

    private async Task LinkAsync(Employee employee, Guid? userId, CancellationToken ct)
    {
        if (userId is not { } user) return;
        if (await db.Employees.AnyAsync(e => e.UserId == user && e.Id != employee.Id, ct))
            throw new BusinessException(HrErrors.UserAlreadyLinked, StatusCodes.Status409Conflict) { Field = "userId" };
        employee.LinkAccount(user);
    }

    private async Task CheckAsync(Employee employee, CancellationToken ct)
    {
        // Find sees rows added earlier in this unit of work (a manager hired in the same request, the demo organisation).
        if (employee.DepartmentId is { } department && await db.Departments.FindAsync([department], ct) is null)
            throw new EntityNotFoundException("Department", department);
        if (employee.ManagerId is { } manager && await db.Employees.FindAsync([manager], ct) is null)
            throw new EntityNotFoundException("Employee", manager);
        if (employee.Email is { } email && await db.Employees.AnyAsync(e => e.Email == email && e.Id != employee.Id, ct))
            throw new BusinessException(HrErrors.DuplicateEmployeeEmail, StatusCodes.Status409Conflict, email) { Field = "email" };
    }

    private static EmployeeData Data(SaveEmployeeRequest r) => new(r.Name, r.DepartmentId, r.Position, r.ManagerId, r.HireDate, r.Status, r.Phone, r.Email);

    private async Task<List<EmployeeDto>> ToDtosAsync(IReadOnlyList<Employee> employees, CancellationToken ct)
    {
        var departments = await db.DepartmentNamesAsync(employees.Select(e => e.DepartmentId), ct);
        var managers = await db.EmployeeNamesAsync(employees.Select(e => e.ManagerId), ct);
        return employees.Select(e => e.ToDto(e.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            e.ManagerId is { } m ? managers.GetValueOrDefault(m) : null)).ToList();
    }
}

/// <summary>Employees take custom fields.</summary>
internal sealed class EmployeeCustomFields(HrDbContext db) : CustomFieldEntity<Employee>(HrCustomFields.Employee, HrPermissions.Employees, db.Employees);

internal sealed class SaveEmployeeRequestValidator : AbstractValidator<SaveEmployeeRequest>
{
    public SaveEmployeeRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Position).MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(32);
        RuleFor(r => r.Email).EmailAddress().MaximumLength(256);
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.HireDate).NotEmpty();
    }
}
