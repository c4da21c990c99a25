using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Insights;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Plugins.RobotNotifier.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        var plugin = api.MapGroup("/plugins/robot-notifier").WithTags("Robot notifier").RequirePermission(RobotNotifierPermissions.Manage);
        var robots = plugin.MapGroup("/robots");
        robots.MapGet("/", (RobotAppService s, CancellationToken ct) => s.GetListAsync(ct));
        robots.MapGet("/{id:guid}", (RobotAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        robots.MapPost("/", (RobotAppService s, SaveRobotRequest request) =>
        {
            var robot = s.Create(request);
            return Results.Created($"/api/plugins/robot-notifier/robots/{robot.Id}", robot);
        });
        robots.MapPut("/{id:guid}", (RobotAppService s, Guid id, SaveRobotRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct));
        robots.MapDelete("/{id:guid}", async (RobotAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        });
        robots.MapPost("/{id:guid}/test", (RobotAppService s, Guid id, CancellationToken ct) => s.TestAsync(id, ct));
        plugin.MapGet("/messages", (RobotAppService s, [AsParameters] PageRequest page, Guid? robotId, CancellationToken ct) =>
            s.GetMessagesAsync(page, robotId, ct));
    }
}
