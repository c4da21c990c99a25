using BizSuite.Kernel;
using BizSuite.Saas.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Saas.Tenants;

/// <summary>What a company that signed itself up learns: no more than its own name and plan.</summary>
public sealed record SignedUpTenantDto(Guid Id, string Name, string Edition);

internal static class TenantEndpoints
{
    public static void MapTenantEndpoints(this IEndpointRouteBuilder api)
    {
        var tenants = api.MapGroup("/saas/tenants").WithTags("Tenants").RequirePermission(SaasPermissions.Tenants);
        tenants.MapGet("/", ListTenants).WithExcelExport();
        tenants.MapGet("/{id:guid}", GetTenant);
        tenants.MapPost("/", CreateTenant).RequirePermission(SaasPermissions.TenantsCreate);
        tenants.MapPut("/{id:guid}", UpdateTenant).RequirePermission(SaasPermissions.TenantsUpdate);
        tenants.MapPost("/{id:guid}/disable", DisableTenant).RequirePermission(SaasPermissions.TenantsManage);
        tenants.MapPost("/{id:guid}/enable", EnableTenant).RequirePermission(SaasPermissions.TenantsManage);
        tenants.MapPut("/{id:guid}/edition", SetEdition).RequirePermission(SaasPermissions.TenantsManage);
        api.MapGet("/saas/editions", ListEditions).WithTags("Tenants").RequirePermission(SaasPermissions.Tenants);
        api.MapPut("/saas/editions/{name}", UpdateEdition).WithTags("Tenants").RequirePermission(SaasPermissions.TenantsManage)
            .WithSummary("Change an edition's modules and limits (every tenant on it, on every host)");

        // Public: a company signs itself up on the Free edition (from the host side, without a tenant).
        api.MapPost("/saas/sign-up", SignUp).WithTags("Subscription").AllowAnonymous().RequireRateLimiting(SaasModule.SignUpRateLimit);
    }

    public static async Task<Ok<PagedResult<TenantDto>>> ListTenants(ITenantAppService tenants, [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await tenants.GetListAsync(page, ct));

    public static async Task<Ok<TenantDto>> GetTenant(ITenantAppService tenants, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await tenants.GetAsync(id, ct));

    public static async Task<Created<TenantDto>> CreateTenant(ITenantAppService tenants, CreateTenantRequest request, CancellationToken ct)
    {
        var tenant = await tenants.CreateAsync(request, ct);
        return TypedResults.Created($"/api/saas/tenants/{tenant.Id}", tenant);
    }

    public static async Task<Ok<TenantDto>> UpdateTenant(ITenantAppService tenants, Guid id, UpdateTenantRequest request, CancellationToken ct) =>
        TypedResults.Ok(await tenants.UpdateAsync(id, request, ct));

    public static async Task<Ok<TenantDto>> DisableTenant(ITenantAppService tenants, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await tenants.SetActiveAsync(id, false, ct));

    public static async Task<Ok<TenantDto>> EnableTenant(ITenantAppService tenants, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await tenants.SetActiveAsync(id, true, ct));

    public static async Task<Ok<TenantDto>> SetEdition(ITenantAppService tenants, Guid id, SetEditionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await tenants.SetEditionAsync(id, request, ct));

    public static async Task<Ok<IReadOnlyList<EditionDto>>> ListEditions(SubscriptionAppService subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.GetEditionsAsync(ct));

    public static async Task<Ok<EditionDto>> UpdateEdition(SubscriptionAppService subscriptions, string name, UpdateEditionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.UpdateEditionAsync(name, request, ct));

    public static async Task<Created<SignedUpTenantDto>> SignUp(ITenantAppService tenants, CreateTenantRequest request, CancellationToken ct)
    {
        var tenant = await tenants.SignUpAsync(request, ct);
        return TypedResults.Created($"/api/saas/tenants/{tenant.Id}", new SignedUpTenantDto(tenant.Id, tenant.Name, tenant.Edition));
    }
}
