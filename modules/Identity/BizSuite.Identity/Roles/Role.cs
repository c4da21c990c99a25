using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Identity.Roles;

[Audited]
internal sealed class Role : AggregateRoot, IMultiTenant
{
    private readonly List<RolePermission> _permissions = [];

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    /// <summary>Seeded roles (admin, member) cannot be renamed or deleted.</summary>
    public bool IsStatic { get; private set; }
    public IReadOnlyList<RolePermission> Permissions => _permissions;

    private Role() { }

    public static Role Create(string name, bool isStatic = false)
    {
        var role = new Role { IsStatic = isStatic };
        role.SetName(name);
        return role;
    }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    public void Rename(string name)
    {
        EnsureNotStatic();
        SetName(name);
    }

    public void EnsureNotStatic()
    {
        if (IsStatic) throw new BusinessException(IdentityErrors.StaticRole, StatusCodes.Status422UnprocessableEntity, Name);
    }

    private void SetName(string name)
    {
        Name = name.Trim();
        NormalizedName = Normalize(name);
    }

    public void SetPermissions(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet();
        _permissions.RemoveAll(p => !wanted.Contains(p.Name));
        Grant(wanted);
    }

    public void Grant(IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => _permissions.All(p => p.Name != n)))
            _permissions.Add(new RolePermission(Id, name));
    }
}

internal sealed class RolePermission(Guid roleId, string name)
{
    public Guid RoleId { get; private set; } = roleId;
    public string Name { get; private set; } = name;
}
