using BizSuite.Kernel;

namespace BizSuite.Hr.Departments;

/// <summary>A department (部门) in the tenant's organisation tree, with an employee as its head (负责人).</summary>
[Audited]
internal sealed class Department : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string Code { get; private set; } = "";
    public Guid? ParentId { get; private set; }
    public Guid? HeadEmployeeId { get; private set; }

    private Department() { }

    public Department(string name, string code) => Rename(name, code);

    public void Rename(string name, string code)
    {
        Name = name.Trim();
        Code = code.Trim().ToUpperInvariant();
    }

    /// <summary>Moves the department under another one; <paramref name="parentOf"/> knows the current tree of the tenant.</summary>
    public void MoveUnder(Guid? parentId, Func<Guid, Guid?> parentOf)
    {
        if (parentId is { } newParent && DepartmentTree.IsSelfOrDescendant(newParent, Id, parentOf))
            throw new BusinessException(HrErrors.DepartmentCycle) { Field = "parentId" };
        ParentId = parentId;
    }

    public void AppointHead(Guid? employeeId) => HeadEmployeeId = employeeId;
}

internal static class DepartmentTree
{
    /// <summary>True when <paramref name="candidate"/> is <paramref name="department"/> or lies below it.</summary>
    public static bool IsSelfOrDescendant(Guid candidate, Guid department, Func<Guid, Guid?> parentOf)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = candidate; current is { } id; current = parentOf(id))
        {
            if (id == department) return true;
            // A tree stored before this rule could already loop; stop rather than spin.
            if (!seen.Add(id)) return true;
        }
        return false;
    }

    /// <summary>The department and its ancestors, nearest first.</summary>
    public static List<Guid> PathUp(Guid department, Func<Guid, Guid?> parentOf)
    {
        var path = new List<Guid>();
        for (Guid? current = department; current is { } id && !path.Contains(id); current = parentOf(id)) path.Add(id);
        return path;
    }
}
