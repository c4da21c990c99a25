using BizSuite.Kernel;

namespace BizSuite.Identity.Users;

[Audited]
internal sealed class User : AggregateRoot, IMultiTenant
{
    private readonly List<UserRole> _roles = [];

    public Guid? TenantId { get; private set; }
    public string UserName { get; private set; } = "";
    public string NormalizedUserName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string Name { get; private set; } = "";
    [Sensitive] public string PasswordHash { get; private set; } = "";
    public bool IsActive { get; private set; }
    public int AccessFailedCount { get; private set; }
    public DateTime? LockoutEnd { get; private set; }
    public IReadOnlyList<UserRole> Roles => _roles;

    private User() { }

    public static User Create(string userName, string email, string name, bool isActive)
    {
        var user = new User { UserName = userName.Trim(), NormalizedUserName = Normalize(userName), IsActive = isActive };
        user.Update(email, name, isActive);
        user.Raise(new UserCreated(user.Id, user.UserName, user.Email));
        return user;
    }

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public void Update(string email, string name, bool isActive)
    {
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
        Name = name.Trim();
        IsActive = isActive;
    }

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void SetRoles(IEnumerable<Guid> roleIds)
    {
        var wanted = roleIds.ToHashSet();
        _roles.RemoveAll(r => !wanted.Contains(r.RoleId));
        foreach (var roleId in wanted.Where(id => _roles.All(r => r.RoleId != id)))
            _roles.Add(new UserRole(Id, roleId));
    }

    public bool IsLockedOut(DateTime now) => LockoutEnd > now;

    /// <summary>Counts a wrong password; the attempt that reaches the limit locks the account for a while.</summary>
    public void RecordFailedLogin(int maxAttempts, TimeSpan lockout, DateTime now)
    {
        AccessFailedCount++;
        if (AccessFailedCount < maxAttempts) return;
        LockoutEnd = now + lockout;
        AccessFailedCount = 0;
    }

    public void RecordSuccessfulLogin()
    {
        AccessFailedCount = 0;
        LockoutEnd = null;
    }
}

internal sealed class UserRole(Guid userId, Guid roleId)
{
    public Guid UserId { get; private set; } = userId;
    public Guid RoleId { get; private set; } = roleId;
}
