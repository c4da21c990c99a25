using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Saas;

public sealed class SaasModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<SaasDbContext>();
        context.Services.AddMemoryCache();
        context.Services.AddScoped<ITenantStore, TenantStore>();
        context.Services.AddScoped<ITenantAppService, TenantAppService>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("Saas", TenancySide.Host)
            .Add(SaasPermissions.Tenants, SaasPermissions.TenantsCreate, SaasPermissions.TenantsUpdate, SaasPermissions.TenantsManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var tenants = api.MapGroup("/saas/tenants").WithTags("Tenants").RequirePermission(SaasPermissions.Tenants);
        tenants.MapGet("/", (ITenantAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        tenants.MapGet("/{id:guid}", (ITenantAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        tenants.MapPost("/", async (ITenantAppService s, CreateTenantRequest request, CancellationToken ct) =>
        {
            var tenant = await s.CreateAsync(request, ct);
            return Results.Created($"/api/saas/tenants/{tenant.Id}", tenant);
        }).RequirePermission(SaasPermissions.TenantsCreate);
        tenants.MapPut("/{id:guid}", (ITenantAppService s, Guid id, UpdateTenantRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(SaasPermissions.TenantsUpdate);
        tenants.MapPost("/{id:guid}/disable", (ITenantAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, false, ct))
            .RequirePermission(SaasPermissions.TenantsManage);
        tenants.MapPost("/{id:guid}/enable", (ITenantAppService s, Guid id, CancellationToken ct) => s.SetActiveAsync(id, true, ct))
            .RequirePermission(SaasPermissions.TenantsManage);
    }
}
