using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using BizSuite.Saas.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;

namespace BizSuite.Saas;

public sealed class SaasModule : BizModule
{
    private const string SignUpRateLimit = "sign-up";

    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<SaasDbContext>();
        // Anyone may sign up, so a script may too: a few companies per address and hour (Saas:SignUpsPerHourPerAddress).
        var signUpsPerHour = context.Configuration.GetValue("Saas:SignUpsPerHourPerAddress", 10);
        context.Services.AddRateLimiter(o => o.AddPolicy(SignUpRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = signUpsPerHour, Window = TimeSpan.FromHours(1) })));
        context.Services.AddMemoryCache();
        context.Services.AddScoped<ITenantStore, TenantStore>();
        context.Services.AddScoped<ITenantAppService, TenantAppService>();

        context.Services.Configure<BillingOptions>(context.Configuration.GetSection("Saas:Stripe"));
        context.Services.AddHttpClient("stripe-billing");
        context.Services.AddScoped<IDataSeedContributor, SeedEditions>();
        context.Services.AddScoped<EditionLimits>();
        context.Services.AddScoped<IEditionLimits>(sp => sp.GetRequiredService<EditionLimits>());
        context.Services.AddScoped<StripeBilling>();
        context.Services.AddScoped<SubscriptionAppService>();
        context.Services.AddScoped<BillingWebhook>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        context.AddGroup("Saas", TenancySide.Host)
            .Add(SaasPermissions.Tenants, SaasPermissions.TenantsCreate, SaasPermissions.TenantsUpdate, SaasPermissions.TenantsManage);
        context.AddGroup("Saas").Add(SaasPermissions.Subscription);
    }

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
        tenants.MapPut("/{id:guid}/edition", (ITenantAppService s, Guid id, SetEditionRequest request, CancellationToken ct) => s.SetEditionAsync(id, request, ct))
            .RequirePermission(SaasPermissions.TenantsManage);
        api.MapGet("/saas/editions", (SubscriptionAppService s, CancellationToken ct) => s.GetEditionsAsync(ct))
            .WithTags("Tenants").RequirePermission(SaasPermissions.Tenants);

        // Public: a company signs itself up on the Free edition (from the host side, without a tenant).
        api.MapPost("/saas/sign-up", async (ITenantAppService s, CreateTenantRequest request, CancellationToken ct) =>
        {
            var tenant = await s.SignUpAsync(request, ct);
            return Results.Created($"/api/saas/tenants/{tenant.Id}", new { tenant.Id, tenant.Name, tenant.Edition });
        }).WithTags("Subscription").AllowAnonymous().RequireRateLimiting(SignUpRateLimit);

        var subscription = api.MapGroup("/saas/subscription").WithTags("Subscription").AllowWhenReadOnly();
        // Every user of a tenant reads the plan: the menu shows only the modules it includes.
        subscription.MapGet("/", (SubscriptionAppService s, CancellationToken ct) => s.GetAsync(ct)).RequireAuthorization();
        subscription.MapPost("/checkout", (SubscriptionAppService s, CheckoutRequest request, HttpRequest http, CancellationToken ct) =>
            s.CheckoutAsync(request, ReturnUrl(http), ct)).RequirePermission(SaasPermissions.Subscription);
        subscription.MapPost("/portal", (SubscriptionAppService s, HttpRequest http, CancellationToken ct) => s.PortalAsync(ReturnUrl(http), ct))
            .RequirePermission(SaasPermissions.Subscription);

        // Public: Stripe calls it; the signature with the platform's webhook secret is the authentication.
        api.MapPost("/saas/stripe/webhook", async (BillingWebhook webhook, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var outcome = await webhook.HandleAsync(await reader.ReadToEndAsync(ct), request.Headers["Stripe-Signature"], ct);
            return Results.Ok(new { outcome });
        }).WithTags("Subscription").AllowAnonymous();
    }

    /// <summary>Back from Stripe to the plan page of the app the user came from.</summary>
    private static string ReturnUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/saas/subscription";
}
