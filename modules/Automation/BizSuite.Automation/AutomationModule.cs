using BizSuite.Automation.Data;
using BizSuite.Automation.Rules;
using BizSuite.Automation.Runs;
using BizSuite.Kernel;
using BizSuite.Webhooks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Automation;

/// <summary>
/// Automation rules (自动化规则): a tenant admin's "when a public event happens, if its fields say so, then create tasks, notify, call a
/// URL — or refuse the action", run in the business transaction, each rule isolated from the business change and logged.
/// </summary>
public sealed class AutomationModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<AutomationDbContext>();
        services.AddScoped<RuleAppService>();
        services.AddScoped<IRuleAppService>(sp => sp.GetRequiredService<RuleAppService>());
        services.AddScoped<RuleRunAppService>();
        services.AddSingleton<RuleSecrets>();
        services.AddScoped<Recipients>();
        services.AddScoped<IRuleActionExecutor, CreateTaskAction>();
        services.AddScoped<IRuleActionExecutor, NotifyAction>();
        services.AddScoped<IRuleActionExecutor, CallWebhookAction>();
        services.AddScoped<IRuleActionExecutor, SetCustomFieldAction>();
        services.AddScoped<RuleChain>();
        services.AddScoped<AutomationRunner>();
        foreach (var type in PublicEvents.All)
            services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(type.EventType), typeof(RunRulesWhenEventRaised<>).MakeGenericType(type.EventType));
        // Calls go where the tenant admin said, so by the same rules as outbound webhooks: no redirects, public addresses only
        // unless the operator allows private networks (a receiver on the same machine in development and tests).
        var allowPrivateNetworks = context.Configuration.GetValue<bool>("Webhooks:AllowPrivateNetworks");
        services.AddHttpClient(CallRuleWebhookJob.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = allowPrivateNetworks ? null : PublicNetworkOnly.ConnectAsync,
            });
        services.AddBackgroundJob<CallRuleWebhookJob, CallRuleWebhook>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Automation").Add(AutomationPermissions.Manage);

    public override void DefineSettings(SettingDefinitionContext context) => context.AddInteger(AutomationSettings.MaxRunsPerMinute, 600, 1, 100_000);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapRuleEndpoints();
        api.MapRuleRunEndpoints();
    }
}
