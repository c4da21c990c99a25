using System.Security.Claims;
using System.Text.Encodings.Web;
using BizSuite.Identity.Account;
using BizSuite.Identity.Data;
using BizSuite.Identity.SecurityLog;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizSuite.Identity.ApiKeys;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: the key's tenant becomes the request's tenant (the tenant header cannot move it),
/// the key's creator its user, and the key's permissions the scopes the permission checker narrows grants to.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IdentityDbContext db, ICurrentTenant currentTenant,
    SharedState shared, SecurityLogService log)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The default scheme: an API key when the header is there, otherwise the bearer token.</summary>
    public const string SelectorScheme = "BizSuite";

    public static string? Select(HttpContext context) => context.Request.Headers.ContainsKey(Header) ? SchemeName : JwtBearerDefaults.AuthenticationScheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString();
        if (!key.StartsWith(ApiKey.Marker, StringComparison.Ordinal)) return AuthenticateResult.Fail("Malformed API key.");
        var hash = TokenIssuer.Hash(key);
        ApiKey? apiKey;
        using (currentTenant.DisableFilter())
            apiKey = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        if (apiKey is not { RevokedAt: null, CreatedBy: not null }) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim>
        {
            new("sub", apiKey.CreatedBy.Value.ToString()),
            new("name", $"api-key:{apiKey.Name}"),
            new(ApiKeyClaims.KeyId, apiKey.Id.ToString()),
        };
        if (apiKey.TenantId is { } tenantId) claims.Add(new Claim(TenantResolver.TenantClaim, tenantId.ToString()));
        claims.AddRange(apiKey.PermissionList.Select(p => new Claim(ApiKeyClaims.Scope, p)));
        await LogUseAsync(apiKey);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "name", null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The security log records a key's first use per hour (on any host), not every call an integration makes.</summary>
    private async Task LogUseAsync(ApiKey apiKey)
    {
        if (!await shared.IsFirstInWindowAsync("identity:api-key-used:" + apiKey.Id, TimeSpan.FromHours(1))) return;
        using (currentTenant.Change(apiKey.TenantId))
            await log.RecordCommittedAsync(SecurityEventKind.ApiKeyUsed, apiKey.CreatedBy, $"api-key:{apiKey.Name}", $"{apiKey.Prefix}… {Request.Method} {Request.Path}", Context.RequestAborted);
    }
}
