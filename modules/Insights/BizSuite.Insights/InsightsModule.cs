using BizSuite.Insights.Data;
using BizSuite.Insights.Instances;
using BizSuite.Insights.Kpis;
using BizSuite.Insights.Targets;
using BizSuite.Kernel;
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
        api.MapInsightsEndpoints();
    }
}
