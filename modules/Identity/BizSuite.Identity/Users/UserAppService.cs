using BizSuite.Identity.Data;
using BizSuite.Identity.Roles;
using BizSuite.Kernel;
using BizSuite.Saas;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Users;

internal sealed class UserAppService(IdentityDbContext db, PasswordPolicy passwords, ICurrentUser currentUser, IEditionLimits limits, Account.Sessions sessions,
    SecurityLog.SecurityLogService log) : IUserAppService
{
    public async Task<PagedResult<UserDto>> GetListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Filter))
            query = query.Where(u => u.UserName.Contains(page.Filter) || u.Email.Contains(page.Filter) || u.Name.Contains(page.Filter));
        query = query.SortBy(page, ("userName", u => u.UserName), ("email", u => u.Email), ("name", u => u.Name), ("createdAt", u => u.CreatedAt));
        var users = await query.Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var roleNames = await RoleNamesAsync(users.SelectMany(u => u.Roles).Select(r => r.RoleId), cancellationToken);
        return new PagedResult<UserDto>(users.Select(u => ToDto(u, roleNames)).ToList(), await query.LongCountAsync(cancellationToken));
    }

    public async Task<UserDto> GetAsync(Guid id, CancellationToken cancellationToken) => await ToDtoAsync(await LoadAsync(id, cancellationToken), cancellationToken);

    public async Task<UserDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        await EnsureUniqueAsync(null, request.UserName, request.Email, cancellationToken);
        await limits.EnsureRoomForAsync(UsageKind.Users, 1, cancellationToken);
        var user = User.Create(request.UserName, request.Email, request.Name, request.IsActive);
        await passwords.SetPasswordAsync(user, request.Password, "password", cancellationToken);
        user.SetRoles(await RoleIdsAsync(request.RoleNames ?? [], cancellationToken));
        db.Users.Add(user);
        return await ToDtoAsync(user, cancellationToken);
    }

    public async Task<UserDto> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(id, cancellationToken);
        await EnsureUniqueAsync(user.Id, null, request.Email, cancellationToken);
        user.Update(request.Email, request.Name, request.IsActive);
        if (!string.IsNullOrEmpty(request.Password))
        {
            await passwords.SetPasswordAsync(user, request.Password, "password", cancellationToken);
            log.Record(SecurityEventKind.PasswordChanged, user.Id, user.UserName, $"by {currentUser.UserName}");
        }
        user.SetRoles(await RoleIdsAsync(request.RoleNames ?? [], cancellationToken));
        return await ToDtoAsync(user, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(id, cancellationToken);
        if (user.Id == currentUser.Id) throw new BusinessException(IdentityErrors.CannotDeleteSelf);
        db.Users.Remove(user);
    }

    public async Task RevokeSessionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(id, cancellationToken);
        await sessions.RevokeAllAsync(user.Id, user.UserName, cancellationToken);
    }

    private async Task<User> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new EntityNotFoundException("User", id);

    private async Task EnsureUniqueAsync(Guid? self, string? userName, string email, CancellationToken cancellationToken)
    {
        if (userName is not null)
        {
            var normalized = User.Normalize(userName);
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != self, cancellationToken))
                throw new BusinessException(IdentityErrors.DuplicateUserName, StatusCodes.Status409Conflict, userName.Trim()) { Field = "userName" };
        }
        var normalizedEmail = User.Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != self, cancellationToken))
            throw new BusinessException(IdentityErrors.DuplicateEmail, StatusCodes.Status409Conflict, email.Trim()) { Field = "email" };
    }

    private async Task<List<Guid>> RoleIdsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var normalized = names.Select(Role.Normalize).Distinct().ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => normalized.Contains(r.NormalizedName)).Select(r => new { r.Id, r.NormalizedName }).ToListAsync(cancellationToken);
        var missing = normalized.Except(roles.Select(r => r.NormalizedName)).ToList();
        if (missing.Count > 0)
            throw new BusinessException(IdentityErrors.RoleNotFound, StatusCodes.Status400BadRequest, string.Join(", ", names.Where(n => missing.Contains(Role.Normalize(n))))) { Field = "roleNames" };
        return roles.Select(r => r.Id).ToList();
    }

    private async Task<Dictionary<Guid, string>> RoleNamesAsync(IEnumerable<Guid> roleIds, CancellationToken cancellationToken)
    {
        var ids = roleIds.Distinct().ToList();
        return await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
    }

    private async Task<UserDto> ToDtoAsync(User user, CancellationToken cancellationToken) =>
        ToDto(user, await RoleNamesAsync(user.Roles.Select(r => r.RoleId), cancellationToken));

    private static UserDto ToDto(User user, Dictionary<Guid, string> roleNames) =>
        user.ToDto(user.Roles.Select(r => roleNames.GetValueOrDefault(r.RoleId)).OfType<string>().Order().ToList());
}

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().MaximumLength(64).Matches(@"^[A-Za-z0-9._@-]+$");
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
    }
}

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Password).MaximumLength(128);
    }
}

/// <summary>Every user of the tenant counts against its edition, active or not.</summary>
internal sealed class UserCount(IdentityDbContext db) : IUsageMeter
{
    public UsageKind Kind => UsageKind.Users;

    public async Task<long> MeasureAsync(CancellationToken cancellationToken) => await db.Users.LongCountAsync(cancellationToken);
}
