using BizSuite.Kernel;
using BizSuite.Saas.Data;
using BizSuite.Saas.Subscriptions;
using BizSuite.Saas.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Saas;

public sealed class SaasModule : BizModule
{
    internal const string SignUpRateLimit = "sign-up";

    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<SaasDbContext>();
        // Anyone may sign up, so a script may too: a few companies per address and hour (Saas:SignUpsPerHourPerAddress).
        var signUpsPerHour = context.Configuration.GetValue("Saas:SignUpsPerHourPerAddress", 10);
        context.Services.AddPerAddressPolicy(SignUpRateLimit, signUpsPerHour, TimeSpan.FromHours(1));
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
        api.MapTenantEndpoints();
        api.MapSubscriptionEndpoints();
    }
}
