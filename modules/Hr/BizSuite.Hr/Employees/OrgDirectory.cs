using BizSuite.Hr.Data;
using BizSuite.Hr.Departments;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Employees;

internal sealed class OrgDirectory(HrDbContext db) : IOrgDirectory
{
    /// <summary>
    /// Walks up from the user's department to the first head who is someone else and has an account:
    /// a head's own request goes to the head above, a department without a head to its parent's.
    /// </summary>
    public async Task<Guid?> FindDepartmentHeadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.UserId == userId).Select(e => new { e.Id, e.DepartmentId })
            .FirstOrDefaultAsync(cancellationToken);
        if (employee?.DepartmentId is not { } departmentId) return null;
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.HeadEmployeeId }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var heads = DepartmentTree.PathUp(departmentId, id => departments.GetValueOrDefault(id)?.ParentId)
            .Select(id => departments.GetValueOrDefault(id)?.HeadEmployeeId).OfType<Guid>().Where(h => h != employee.Id).ToList();
        var accounts = await db.Employees.AsNoTracking().Where(e => heads.Contains(e.Id) && e.UserId != null)
            .ToDictionaryAsync(e => e.Id, e => e.UserId!.Value, cancellationToken);
        return heads.Where(accounts.ContainsKey).Select(h => (Guid?)accounts[h]).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Guid>> DepartmentPathAsync(Guid userId, CancellationToken cancellationToken)
    {
        var departmentId = await db.Employees.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        if (departmentId is not { } id) return [];
        var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, cancellationToken);
        return DepartmentTree.PathUp(id, d => parents.GetValueOrDefault(d));
    }
}
