using BizSuite.Kernel;

namespace BizSuite.Identity.Users;

[Audited]
internal sealed class User : AggregateRoot, IMultiTenant
{
    private readonly List<UserRole> _roles = [];
    private readonly List<RecoveryCode> _recoveryCodes = [];

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
    /// <summary>The TOTP key, encrypted; set by a started enrolment before <see cref="TwoFactorEnabled"/> turns on.</summary>
    [Sensitive] public string? TwoFactorSecret { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    /// <summary>The last TOTP time step accepted: a code seen once is refused after (no replay within its 30 s).</summary>
    public long TwoFactorLastTimeStep { get; private set; }
    public IReadOnlyList<UserRole> Roles => _roles;
    public IReadOnlyList<RecoveryCode> RecoveryCodes => _recoveryCodes;

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

    /// <summary>Starts (or restarts) an enrolment with a new key; it counts once a code from it is confirmed.</summary>
    public void BeginTwoFactorSetup(string protectedSecret)
    {
        if (TwoFactorEnabled) throw new BusinessException(IdentityErrors.TwoFactorAlreadyEnabled, Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict);
        TwoFactorSecret = protectedSecret;
        TwoFactorLastTimeStep = 0;
    }

    public void EnableTwoFactor(IEnumerable<string> recoveryCodeHashes)
    {
        if (TwoFactorEnabled) throw new BusinessException(IdentityErrors.TwoFactorAlreadyEnabled, Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict);
        if (TwoFactorSecret is null) throw new BusinessException(IdentityErrors.TwoFactorSetupNotStarted);
        TwoFactorEnabled = true;
        _recoveryCodes.Clear();
        _recoveryCodes.AddRange(recoveryCodeHashes.Select(h => new RecoveryCode(Id, h)));
    }

    public void DisableTwoFactor()
    {
        TwoFactorEnabled = false;
        TwoFactorSecret = null;
        TwoFactorLastTimeStep = 0;
        _recoveryCodes.Clear();
    }

    /// <summary>Accepts a TOTP time step once: false for a step already used (or older).</summary>
    public bool UseTimeStep(long timeStep)
    {
        if (timeStep <= TwoFactorLastTimeStep) return false;
        TwoFactorLastTimeStep = timeStep;
        return true;
    }

    /// <summary>A recovery code works once: it is removed when used.</summary>
    public bool UseRecoveryCode(string codeHash) => _recoveryCodes.RemoveAll(c => c.CodeHash == codeHash) > 0;
}

/// <summary>A one-time recovery code for a user who lost their authenticator, stored as a hash.</summary>
internal sealed class RecoveryCode(Guid userId, string codeHash)
{
    public Guid UserId { get; private set; } = userId;
    public string CodeHash { get; private set; } = codeHash;
}

internal sealed class UserRole(Guid userId, Guid roleId)
{
    public Guid UserId { get; private set; } = userId;
    public Guid RoleId { get; private set; } = roleId;
}
