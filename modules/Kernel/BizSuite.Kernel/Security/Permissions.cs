using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace BizSuite.Kernel;

[Flags]
public enum TenancySide { Host = 1, Tenant = 2, Both = Host | Tenant }

/// <summary>
/// A permission; its display name is the localization key <c>Permission:{Name}</c>. <paramref name="ForMembers"/> marks
/// self-service permissions (own leave, the approval inbox) that a new tenant's member role starts with.
/// </summary>
public sealed record PermissionDefinition(string Name, string Group, string? Parent, TenancySide Side, bool ForMembers = false);

public sealed class PermissionDefinitionContext
{
    internal List<PermissionDefinition> Definitions { get; } = [];

    public PermissionGroupBuilder AddGroup(string name, TenancySide side = TenancySide.Tenant) => new(this, name, side);
}

public sealed class PermissionGroupBuilder(PermissionDefinitionContext context, string group, TenancySide side)
{
    /// <summary>Adds a permission and, optionally, children that only make sense with it (<c>Users</c> → <c>Users.Create</c>).</summary>
    public PermissionGroupBuilder Add(string name, params string[] children)
    {
        if (context.Definitions.Any(d => d.Name == name)) throw new InvalidOperationException($"Permission {name} is defined twice.");
        context.Definitions.Add(new PermissionDefinition(name, group, null, side));
        foreach (var child in children) context.Definitions.Add(new PermissionDefinition(child, group, name, side));
        return this;
    }

    /// <summary>Adds a self-service permission every member of a new tenant holds.</summary>
    public PermissionGroupBuilder AddForMembers(string name)
    {
        Add(name);
        context.Definitions[^1] = context.Definitions[^1] with { ForMembers = true };
        return this;
    }
}

/// <summary>Every permission the modules of this host define.</summary>
public sealed class PermissionDefinitions(IReadOnlyList<PermissionDefinition> all)
{
    public IReadOnlyList<PermissionDefinition> All { get; } = all;

    public PermissionDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    public IEnumerable<PermissionDefinition> For(TenancySide side) => All.Where(d => (d.Side & side) != 0);
}

/// <summary>What the Identity module knows: the permissions granted to a user through their roles.</summary>
public interface IPermissionStore
{
    Task<IReadOnlySet<string>> GetGrantedAsync(Guid userId, CancellationToken cancellationToken);
}

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default);
    Task<IReadOnlySet<string>> GetGrantedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Per request: loads the user's grants once, keeps only those valid on the current side (host or tenant).</summary>
internal sealed class PermissionChecker(ICurrentUser currentUser, ICurrentTenant currentTenant, IPermissionStore store, PermissionDefinitions definitions)
    : IPermissionChecker
{
    private IReadOnlySet<string>? _granted;

    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default) =>
        (await GetGrantedAsync(cancellationToken)).Contains(permission);

    public async Task<IReadOnlySet<string>> GetGrantedAsync(CancellationToken cancellationToken = default)
    {
        if (_granted is not null) return _granted;
        if (currentUser.Id is not { } userId) return _granted = new HashSet<string>();
        var side = currentTenant.Id is null ? TenancySide.Host : TenancySide.Tenant;
        var valid = definitions.For(side).Select(d => d.Name).ToHashSet();
        var stored = await store.GetGrantedAsync(userId, cancellationToken);
        // An API key never exceeds its creator's current grants, and a revoked role narrows the key too.
        var scopes = currentUser.Scopes;
        return _granted = stored.Where(p => valid.Contains(p) && (scopes is null || scopes.Contains(p))).ToHashSet();
    }
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await checker.IsGrantedAsync(requirement.Permission)) context.Succeed(requirement);
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>The endpoint answers 401 without a user and 403 without the permission.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(permission))
            .Build());
}
