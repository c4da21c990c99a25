using BizSuite.Kernel;

namespace BizSuite.Identity;

public static class IdentityPermissions
{
    public const string Users = "Identity.Users";
    public const string UsersCreate = "Identity.Users.Create";
    public const string UsersUpdate = "Identity.Users.Update";
    public const string UsersDelete = "Identity.Users.Delete";
    public const string Roles = "Identity.Roles";
    public const string RolesCreate = "Identity.Roles.Create";
    public const string RolesUpdate = "Identity.Roles.Update";
    public const string RolesDelete = "Identity.Roles.Delete";
    public const string RolesManagePermissions = "Identity.Roles.ManagePermissions";
    public const string ApiKeys = "Identity.ApiKeys";
    public const string SecurityLog = "Identity.SecurityLog";
    /// <summary>Host side: act as a tenant's user, for a reason and a limited time.</summary>
    public const string Impersonate = "Identity.Impersonate";
}

public static class IdentitySettings
{
    public const string PasswordRequiredLength = "Identity.Password.RequiredLength";
    /// <summary>"true": a new password needs an upper-case letter (besides letters and digits).</summary>
    public const string PasswordRequireUppercase = "Identity.Password.RequireUppercase";
    /// <summary>"true": a new password needs a character that is neither a letter nor a digit.</summary>
    public const string PasswordRequireSymbol = "Identity.Password.RequireSymbol";
    public const string LockoutMaxFailedAttempts = "Identity.Lockout.MaxFailedAttempts";
    public const string LockoutMinutes = "Identity.Lockout.Minutes";
    /// <summary>"true": every user of the tenant signs in with a second factor, and one without is made to enrol at login.</summary>
    public const string TwoFactorRequired = "Identity.TwoFactor.Required";
    /// <summary>"false": the host's admins may not act as the tenant's users (default "true").</summary>
    public const string ImpersonationAllowed = "Identity.Impersonation.Allowed";
}

/// <summary>Roles every tenant (and the host) starts with; <c>admin</c> always holds every permission of its side.</summary>
public static class DefaultRoles
{
    public const string Admin = "admin";
    public const string Member = "member";
}

public sealed record UserCreated(Guid UserId, string UserName, string Email) : IDomainEvent;

public sealed record UserDto(Guid Id, string UserName, string Email, string Name, bool IsActive, IReadOnlyList<string> RoleNames, DateTime? LockoutEnd, DateTime CreatedAt);

public sealed record CreateUserRequest(string UserName, string Email, string Name, string Password, bool IsActive, IReadOnlyList<string>? RoleNames);

public sealed record UpdateUserRequest(string Email, string Name, bool IsActive, IReadOnlyList<string>? RoleNames, string? Password);

public sealed record RoleDto(Guid Id, string Name, bool IsStatic, int UserCount);

public sealed record SaveRoleRequest(string Name);

public sealed record PermissionGrantDto(string Name, string DisplayName, string? ParentName, bool IsGranted);

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionGrantDto> Permissions);

public sealed record RolePermissionsDto(IReadOnlyList<PermissionGroupDto> Groups);

public sealed record UpdateRolePermissionsRequest(IReadOnlyList<string> GrantedPermissions);

/// <summary>User administration of the current tenant (or the host side).</summary>
public interface IUserAppService
{
    Task<PagedResult<UserDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken);
    Task<UserDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<UserDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken);
    Task<UserDto> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken cancellationToken);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
    Task RevokeSessionsAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Roles and their permission grants in the current tenant (or the host side).</summary>
public interface IRoleAppService
{
    Task<PagedResult<RoleDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken);
    Task<RoleDto> GetAsync(Guid id, CancellationToken cancellationToken);
    Task<RoleDto> CreateAsync(SaveRoleRequest request, CancellationToken cancellationToken);
    Task<RoleDto> UpdateAsync(Guid id, SaveRoleRequest request, CancellationToken cancellationToken);
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
    Task<RolePermissionsDto> GetPermissionsAsync(Guid id, CancellationToken cancellationToken);
    Task UpdatePermissionsAsync(Guid id, UpdateRolePermissionsRequest request, CancellationToken cancellationToken);
}

public static class IdentityErrors
{
    public const string InvalidCredentials = "Identity:InvalidCredentials";
    public const string LockedOut = "Identity:LockedOut";
    public const string UserDisabled = "Identity:UserDisabled";
    public const string InvalidRefreshToken = "Identity:InvalidRefreshToken";
    public const string DuplicateUserName = "Identity:DuplicateUserName";
    public const string DuplicateEmail = "Identity:DuplicateEmail";
    public const string DuplicateRoleName = "Identity:DuplicateRoleName";
    public const string RoleNotFound = "Identity:RoleNotFound";
    public const string UnknownPermission = "Identity:UnknownPermission";
    public const string PasswordTooWeak = "Identity:PasswordTooWeak";
    public const string PasswordNeedsUppercase = "Identity:PasswordNeedsUppercase";
    public const string PasswordNeedsSymbol = "Identity:PasswordNeedsSymbol";
    public const string StaticRole = "Identity:StaticRole";
    public const string CannotDeleteSelf = "Identity:CannotDeleteSelf";
    public const string PermissionNotHeld = "Identity:PermissionNotHeld";
    public const string InvalidTwoFactorCode = "Identity:InvalidTwoFactorCode";
    public const string InvalidTwoFactorChallenge = "Identity:InvalidTwoFactorChallenge";
    public const string TwoFactorAlreadyEnabled = "Identity:TwoFactorAlreadyEnabled";
    public const string TwoFactorNotEnabled = "Identity:TwoFactorNotEnabled";
    public const string TwoFactorSetupNotStarted = "Identity:TwoFactorSetupNotStarted";
    public const string TwoFactorRequiredByTenant = "Identity:TwoFactorRequiredByTenant";
    public const string ImpersonationNotAllowed = "Identity:ImpersonationNotAllowed";
    public const string NotImpersonating = "Identity:NotImpersonating";
}

public sealed record UserContact(Guid UserId, string UserName, string Name, string Email);

/// <summary>What other modules may ask Identity about the current tenant's users (approvers by role, e-mail addresses).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<Guid>> FindUsersInRoleAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>Active users holding a permission through any of their roles (the buyers: whoever may manage purchase orders).</summary>
    Task<IReadOnlyList<Guid>> FindUsersWithPermissionAsync(string permission, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserContact>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>An API key of the tenant; the key itself is shown once, at creation, and stored only as a hash.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Permissions, Guid? CreatedBy, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Permissions);

public sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

/// <summary>What the security log records (kept as text in the table, so a new kind needs no migration).</summary>
public enum SecurityEventKind
{
    LoginSucceeded, LoginFailed, LockedOut, TwoFactorEnabled, TwoFactorDisabled, RecoveryCodeUsed,
    SessionRevoked, SessionsRevoked, PasswordChanged, ApiKeyUsed, ImpersonationStarted, ImpersonationEnded,
}

public sealed record SecurityEventDto(Guid Id, DateTime At, SecurityEventKind Kind, Guid? UserId, string UserName, string? Detail, string? IpAddress, string? UserAgent);

/// <summary>Filters of the security log: a user name (part of it), a kind, a time range [from, to).</summary>
public sealed record SecurityLogQuery(int Skip = 0, int Take = 20, string? UserName = null, SecurityEventKind? Kind = null, DateTime? From = null, DateTime? To = null);
