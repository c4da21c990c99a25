using BizSuite.Hr.Data;
using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Departments;

/// <summary>The organisation tree. A tenant has tens of departments, so the tree is read whole and walked in memory.</summary>
internal sealed class DepartmentAppService(HrDbContext db) : IDepartmentAppService
{
    public async Task<IReadOnlyList<DepartmentDto>> GetListAsync(CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var heads = await NamesAsync(departments.Select(d => d.HeadEmployeeId), ct);
        var counts = await db.Employees.AsNoTracking().Where(e => e.DepartmentId != null && e.Status != EmployeeStatus.Resigned)
            .GroupBy(e => e.DepartmentId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return departments.Select(d => d.ToDto(d.HeadEmployeeId is { } h ? heads.GetValueOrDefault(h) : null, counts.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<DepartmentDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await LoadAsync(id, ct), ct);

    public async Task<DepartmentDto> CreateAsync(SaveDepartmentRequest request, CancellationToken ct)
    {
        var department = new Department(request.Name, request.Code);
        await ApplyAsync(department, request, ct);
        db.Departments.Add(department);
        return await ToDtoAsync(department, ct);
    }

    public async Task<DepartmentDto> UpdateAsync(Guid id, SaveDepartmentRequest request, CancellationToken ct)
    {
        var department = await LoadAsync(id, ct);
        department.Rename(request.Name, request.Code);
        await ApplyAsync(department, request, ct);
        return await ToDtoAsync(department, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var department = await LoadAsync(id, ct);
        if (await db.Departments.AnyAsync(d => d.ParentId == id, ct) || await db.Employees.AnyAsync(e => e.DepartmentId == id, ct))
            throw new BusinessException(HrErrors.DepartmentNotEmpty, StatusCodes.Status409Conflict, department.Name);
        db.Departments.Remove(department);
    }

    public async Task<IReadOnlyList<OrgChartNode>> OrgChartAsync(CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Status != EmployeeStatus.Resigned).OrderBy(e => e.Number)
            .Select(e => new { e.Id, e.Number, e.Name, e.Position, e.DepartmentId }).ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id, p => new OrgChartPerson(p.Id, p.Number, p.Name, p.Position));
        var members = people.Where(p => p.DepartmentId is not null).ToLookup(p => p.DepartmentId!.Value, p => byId[p.Id]);
        var children = departments.ToLookup(d => d.ParentId);
        OrgChartNode Node(Department d) => new(d.Id, d.Name, d.Code, d.HeadEmployeeId is { } head ? byId.GetValueOrDefault(head) : null,
            members[d.Id].ToList(), children[d.Id].Select(Node).ToList());
        return children[null].Select(Node).ToList();
    }

    private async Task ApplyAsync(Department department, SaveDepartmentRequest request, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(d => d.Code == department.Code && d.Id != department.Id, ct))
            throw new BusinessException(HrErrors.DuplicateDepartmentCode, StatusCodes.Status409Conflict, department.Code) { Field = "code" };
        var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
        // Departments added or moved earlier in this unit of work are not in the database yet.
        foreach (var tracked in db.Departments.Local) parents[tracked.Id] = tracked.ParentId;
        if (request.ParentId is { } parentId && !parents.ContainsKey(parentId)) throw new EntityNotFoundException("Department", parentId);
        department.MoveUnder(request.ParentId, id => parents.GetValueOrDefault(id));
        // Find also sees an employee added earlier in this unit of work.
        if (request.HeadEmployeeId is { } head && await db.Employees.FindAsync([head], ct) is null) throw new EntityNotFoundException("Employee", head);
        department.AppointHead(request.HeadEmployeeId);
    }

    private async Task<Department> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException("Department", id);

    private async Task<DepartmentDto> ToDtoAsync(Department department, CancellationToken ct) =>
        department.ToDto((await NamesAsync([department.HeadEmployeeId], ct)).Values.SingleOrDefault(),
            await db.Employees.CountAsync(e => e.DepartmentId == department.Id && e.Status != EmployeeStatus.Resigned, ct));

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> employeeIds, CancellationToken ct) => db.EmployeeNamesAsync(employeeIds, ct);
}

internal sealed class SaveDepartmentRequestValidator : AbstractValidator<SaveDepartmentRequest>
{
    public SaveDepartmentRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$");
    }
}
