using BizSuite.Hr.Data;
using BizSuite.Hr.Departments;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Employees;

/// <summary>Which list a self-service page asks for: my own documents, my team's (departments I head), or everyone's (HR).</summary>
public enum ListScope { Mine, Team, All }

/// <summary>
/// The signed-in user as an employee, for self-service (leave, expense claims): whose documents they may see.
/// A department head sees the documents of the departments they head and those below them.
/// </summary>
internal sealed class CurrentEmployee(HrDbContext db, ICurrentUser currentUser, IPermissionChecker permissions)
{
    private Employee? _employee;
    private HashSet<Guid>? _team;

    public async Task<Employee?> FindAsync(CancellationToken ct) =>
        _employee ??= currentUser.Id is { } userId ? await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId, ct) : null;

    public async Task<Employee> RequireAsync(CancellationToken ct) =>
        await FindAsync(ct) ?? throw new BusinessException(HrErrors.NoEmployeeRecord, StatusCodes.Status422UnprocessableEntity);

    /// <summary>The departments the employee heads, with their sub-departments.</summary>
    public async Task<IReadOnlySet<Guid>> TeamDepartmentsAsync(CancellationToken ct)
    {
        if (_team is not null) return _team;
        if (await FindAsync(ct) is not { } me) return _team = [];
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.HeadEmployeeId }).ToListAsync(ct);
        var parents = departments.ToDictionary(d => d.Id, d => d.ParentId);
        var headed = departments.Where(d => d.HeadEmployeeId == me.Id).Select(d => d.Id).ToList();
        return _team = departments.Where(d => headed.Any(h => DepartmentTree.IsSelfOrDescendant(d.Id, h, parents.GetValueOrDefault))).Select(d => d.Id).ToHashSet();
    }

    /// <summary>Mine, my team's, or (with the manage permission) everyone's; asking for more than one may see is refused.</summary>
    public async Task<IQueryable<T>> ScopeAsync<T>(IQueryable<T> query, ListScope scope, string managePermission, CancellationToken ct)
        where T : class, IEmployeeDocument
    {
        switch (scope)
        {
            case ListScope.All:
                if (!await permissions.IsGrantedAsync(managePermission, ct)) throw new BusinessException(LeaveErrors.NotYourTeam, StatusCodes.Status403Forbidden);
                return query;
            case ListScope.Team:
                var team = (await TeamDepartmentsAsync(ct)).Select(id => (Guid?)id).ToList();
                return query.Where(x => team.Contains(x.DepartmentId));
            default:
                var me = (await RequireAsync(ct)).Id;
                return query.Where(x => x.EmployeeId == me);
        }
    }

    /// <summary>One's own documents, one's team's, or any with the manage permission; others are not found.</summary>
    public async Task<bool> MaySeeAsync(IEmployeeDocument document, string managePermission, CancellationToken ct) =>
        (await FindAsync(ct))?.Id == document.EmployeeId
        || (document.DepartmentId is { } d && (await TeamDepartmentsAsync(ct)).Contains(d))
        || await permissions.IsGrantedAsync(managePermission, ct);
}

/// <summary>A self-service document of one employee (leave request, expense claim), kept with the department they were in.</summary>
internal interface IEmployeeDocument
{
    Guid EmployeeId { get; }
    Guid? DepartmentId { get; }
}
