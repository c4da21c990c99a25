using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Kernel;

public interface ICurrentUser
{
    Guid? Id { get; }
    string? UserName { get; }
    bool IsAuthenticated { get; }

    /// <summary>The permissions an API key was limited to; null for a user signed in with a token.</summary>
    IReadOnlySet<string>? Scopes { get; }

    /// <summary>The host admin acting as this user (host → tenant impersonation); null otherwise.</summary>
    Guid? ImpersonatorId { get; }
    string? ImpersonatorName { get; }
    Guid? ImpersonationId { get; }
}

/// <summary>Claims of a token a host admin got to act as a tenant user: who acts, and which impersonation it belongs to.</summary>
public static class ImpersonationClaims
{
    public const string ImpersonatorId = "act_sub";
    public const string ImpersonatorName = "act_name";
    public const string ImpersonationId = "imp";
}

/// <summary>Claims of a principal authenticated by an API key: it acts as the user who created the key, within its scopes.</summary>
public static class ApiKeyClaims
{
    public const string KeyId = "api_key";
    public const string Scope = "scope";
    /// <summary>The part of a plan that calling with API keys belongs to (keys and their management).</summary>
    public const string Module = "ApiKeys";
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? Principal?.FindFirst("sub")?.Value, out var id) ? id : null;
    public string? UserName => Principal?.FindFirst(ClaimTypes.Name)?.Value ?? Principal?.FindFirst("name")?.Value;
    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public IReadOnlySet<string>? Scopes => Principal?.HasClaim(c => c.Type == ApiKeyClaims.KeyId) == true
        ? Principal.FindAll(ApiKeyClaims.Scope).Select(c => c.Value).ToHashSet()
        : null;
    public Guid? ImpersonatorId => Guid.TryParse(Principal?.FindFirst(ImpersonationClaims.ImpersonatorId)?.Value, out var id) ? id : null;
    public string? ImpersonatorName => Principal?.FindFirst(ImpersonationClaims.ImpersonatorName)?.Value;
    public Guid? ImpersonationId => Guid.TryParse(Principal?.FindFirst(ImpersonationClaims.ImpersonationId)?.Value, out var id) ? id : null;
}
