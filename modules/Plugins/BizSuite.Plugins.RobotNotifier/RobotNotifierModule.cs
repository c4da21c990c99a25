using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Insights;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Plugins.RobotNotifier.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Plugins.RobotNotifier;

public static class RobotNotifierPermissions
{
    public const string Manage = "RobotNotifier.Manage";
}

/// <summary>
/// Group robots (群机器人) of WeCom and DingTalk announce contracts signed, invoices paid, approvals waiting and process KPIs
/// that missed their target.
/// A plugin: the host does not reference it; it is loaded from the plugins folder.
/// </summary>
public sealed class RobotNotifierModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<RobotNotifierDbContext>();
        services.Configure<RobotNotifierOptions>(context.Configuration.GetSection("RobotNotifier"));
        services.AddHttpClient(RobotClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<RobotClient>();
        services.AddScoped<RobotAnnouncer>();
        services.AddScoped<RobotAppService>();
        services.AddScoped<IDomainEventHandler<ContractSigned>, AnnounceWhenContractSigned>();
        services.AddScoped<IDomainEventHandler<PaymentRecorded>, AnnounceWhenInvoicePaid>();
        services.AddScoped<IDomainEventHandler<ApprovalStepAssigned>, AnnounceWhenApprovalWaiting>();
        services.AddScoped<IDomainEventHandler<KpiBreached>, AnnounceWhenKpiBreached>();
        services.AddBackgroundJob<SendRobotMessageJob, SendRobotMessage>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("RobotNotifier").Add(RobotNotifierPermissions.Manage);

    public override void DefineSettings(SettingDefinitionContext context) =>
        context.Add(RobotAnnouncer.LinkBaseUrlSetting, "", url => url.Length == 0 || new RobotNotifierOptions { AllowedHosts = "*" }.Allows(url));

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapRobotEndpoints();
    }
}
