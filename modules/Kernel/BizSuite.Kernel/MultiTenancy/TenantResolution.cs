using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BizSuite.Kernel;

/// <summary>
/// Where the tenant of a request comes from, in the design's order: the access token's claim, else the
/// <c>__tenant</c> header (name or id), else the sub-domain of the configured base domain.
/// An authenticated user's token always wins, so a header cannot move a user into another tenant.
/// </summary>
public static class TenantResolver
{
    public const string TenantClaim = "tenantid";
    public const string TenantHeader = "__tenant";

    public abstract record Result;
    public sealed record FromToken(Guid? TenantId) : Result;
    public sealed record ByName(string NameOrId) : Result;
    public sealed record Host : Result;

    public static Result Resolve(ClaimsPrincipal user, IHeaderDictionary headers, string? requestHost, string? baseDomain)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            var claim = user.FindFirst(TenantClaim)?.Value;
            return new FromToken(Guid.TryParse(claim, out var id) ? id : null);
        }
        var header = headers[TenantHeader].ToString().Trim();
        if (header.Length > 0) return new ByName(header);
        if (!string.IsNullOrEmpty(baseDomain) && requestHost is not null &&
            requestHost.EndsWith("." + baseDomain, StringComparison.OrdinalIgnoreCase))
        {
            var label = requestHost[..^(baseDomain.Length + 1)];
            if (label.Length > 0 && !label.Contains('.')) return new ByName(label);
        }
        return new Host();
    }
}

internal sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<KernelOptions> options)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ITenantStore store, TimeProvider clock)
    {
        var resolved = TenantResolver.Resolve(context.User, context.Request.Headers, context.Request.Host.Host, options.Value.TenantBaseDomain);
        TenantInfo? tenant = null;
        switch (resolved)
        {
            case TenantResolver.FromToken { TenantId: { } id }:
                tenant = await store.FindAsync(id.ToString(), context.RequestAborted);
                if (tenant is null) throw new BusinessException(KernelErrors.TenantNotFound, StatusCodes.Status401Unauthorized);
                break;
            case TenantResolver.ByName byName:
                tenant = await store.FindAsync(byName.NameOrId, context.RequestAborted)
                    ?? throw new BusinessException(KernelErrors.TenantNotFound, StatusCodes.Status404NotFound, byName.NameOrId);
                break;
        }
        if (tenant is { IsActive: false }) throw new BusinessException(KernelErrors.TenantDisabled, StatusCodes.Status403Forbidden, tenant.Name);
        if (tenant is not null) PlanGate.Check(tenant, context.GetEndpoint(), context.Request.Method, clock.GetUtcNow().UtcDateTime,
            viaApiKey: context.User.HasClaim(c => c.Type == ApiKeyClaims.KeyId));

        System.Diagnostics.Activity.Current?.SetTag(Telemetry.TenantTag, tenant?.Id.ToString());
        using (currentTenant.Change(tenant?.Id, tenant?.Name))
            await next(context);
    }
}
