using BizSuite.Insights.Data;
using BizSuite.Insights.Instances;
using BizSuite.Insights.Kpis;
using BizSuite.Insights.Targets;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Insights;

/// <summary>Process insights: instances per document kept by event handlers, KPIs, drill-down, targets and their alerts.</summary>
public sealed class InsightsModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<InsightsDbContext>();
        services.AddScoped<IInstanceStore, DbInstanceStore>();
        services.AddScoped<Projector>();
        foreach (var eventType in Projector.Events)
            services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(eventType), typeof(ProjectWhen<>).MakeGenericType(eventType));
        services.AddScoped<Rebuild>();
        services.AddScoped<KpiCalculator>();
        services.AddScoped<InsightsAppService>();
        services.AddBackgroundJob<EvaluateKpiTargetsJob, EvaluateKpiTargets>();
        services.AddRecurringWork<EnqueueKpiTargetEvaluations>("insights-kpi-targets", "0 30 6 * * ?", EnqueueKpiTargetEvaluations.ChinaTime);
        services.AddScoped<IDomainEventHandler<KpiBreached>, NotifyOwnersWhenKpiBreached>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Insights")
        .Add(InsightsPermissions.View)
        .Add(InsightsPermissions.Manage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var insights = api.MapGroup("/insights").WithTags("Insights").RequirePermission(InsightsPermissions.View);
        MapTable(insights, "/kpis", (InsightsAppService s, string? process, [AsParameters] RangeQuery range, CancellationToken ct) =>
            s.KpisAsync(process, range, ct));
        MapTable(insights, "/kpis/{key}/slowest", (InsightsAppService s, string key, int? take, [AsParameters] RangeQuery range, CancellationToken ct) =>
            s.SlowestAsync(key, take, range, ct));
        MapTable(insights, "/funnel", (InsightsAppService s, string? process, [AsParameters] RangeQuery range, CancellationToken ct) =>
            s.FunnelAsync(process, range, ct));
        MapTable(insights, "/approval-steps", (InsightsAppService s, [AsParameters] RangeQuery range, CancellationToken ct) =>
            s.ApprovalStepsAsync(range, ct));
        MapTable(insights, "/cash-forecast", (InsightsAppService s, int? days, CancellationToken ct) => s.CashForecastAsync(days, ct));
        MapTable(insights, "/targets", (InsightsAppService s, CancellationToken ct) => s.TargetsAsync(ct));
        insights.MapPut("/targets/{key}", (InsightsAppService s, string key, SaveKpiTargetRequest request, CancellationToken ct) =>
            s.SetTargetAsync(key, request, ct)).RequirePermission(InsightsPermissions.Manage);
        insights.MapPost("/rebuild", (Rebuild rebuild, CancellationToken ct) => rebuild.RunAsync(ct)).RequirePermission(InsightsPermissions.Manage);
    }

    /// <summary>A table of the dashboards: JSON, or an .xlsx with <c>?format=xlsx</c> or at <c>{route}/export</c>.</summary>
    private static void MapTable(RouteGroupBuilder group, string pattern, Delegate handler)
    {
        group.MapGet(pattern, handler).WithExcelExport();
        group.MapGet(pattern + "/export", handler).AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Request.QueryString = context.HttpContext.Request.QueryString.Add("format", "xlsx");
            return await next(context);
        }).WithExcelExport();
    }
}
