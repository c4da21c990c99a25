using BizSuite.Insights.Instances;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Insights.Kpis;

internal static class InsightsEndpoints
{
    public static void MapInsightsEndpoints(this IEndpointRouteBuilder api)
    {
        var insights = api.MapGroup("/insights").WithTags("Insights").RequirePermission(InsightsPermissions.View);
        insights.MapTable("/kpis", ListKpis);
        insights.MapTable("/kpis/{key}/slowest", ListSlowest);
        insights.MapTable("/funnel", GetFunnel);
        insights.MapTable("/approval-steps", ListApprovalSteps);
        insights.MapTable("/cash-forecast", GetCashForecast);
        insights.MapTable("/targets", ListTargets);
        insights.MapPut("/targets/{key}", SetTarget).RequirePermission(InsightsPermissions.Manage);
        insights.MapPost("/rebuild", RebuildInstances).RequirePermission(InsightsPermissions.Manage);
    }

    /// <summary>A table of the dashboards: JSON, or an .xlsx with <c>?format=xlsx</c> or at <c>{route}/export</c>.</summary>
    private static void MapTable(this RouteGroupBuilder group, string pattern, Delegate handler)
    {
        group.MapGet(pattern, handler).WithExcelExport();
        group.MapGet(pattern + "/export", handler).AddEndpointFilter(AsExcel).WithExcelExport();
    }

    private static ValueTask<object?> AsExcel(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Request.QueryString = context.HttpContext.Request.QueryString.Add("format", "xlsx");
        return next(context);
    }

    public static async Task<Ok<IReadOnlyList<KpiDto>>> ListKpis(InsightsAppService insights, string? process, [AsParameters] RangeQuery range,
        CancellationToken ct) =>
        TypedResults.Ok(await insights.KpisAsync(process, range, ct));

    public static async Task<Ok<IReadOnlyList<SlowInstanceDto>>> ListSlowest(InsightsAppService insights, string key, int? take,
        [AsParameters] RangeQuery range, CancellationToken ct) =>
        TypedResults.Ok(await insights.SlowestAsync(key, take, range, ct));

    public static async Task<Ok<IReadOnlyList<FunnelStageDto>>> GetFunnel(InsightsAppService insights, string? process, [AsParameters] RangeQuery range,
        CancellationToken ct) =>
        TypedResults.Ok(await insights.FunnelAsync(process, range, ct));

    public static async Task<Ok<IReadOnlyList<ApprovalStepStatsDto>>> ListApprovalSteps(InsightsAppService insights, [AsParameters] RangeQuery range,
        CancellationToken ct) =>
        TypedResults.Ok(await insights.ApprovalStepsAsync(range, ct));

    public static async Task<Ok<IReadOnlyList<CashForecastWeekDto>>> GetCashForecast(InsightsAppService insights, int? days, CancellationToken ct) =>
        TypedResults.Ok(await insights.CashForecastAsync(days, ct));

    public static async Task<Ok<IReadOnlyList<KpiTargetDto>>> ListTargets(InsightsAppService insights, CancellationToken ct) =>
        TypedResults.Ok(await insights.TargetsAsync(ct));

    public static async Task<Ok<KpiTargetDto>> SetTarget(InsightsAppService insights, string key, SaveKpiTargetRequest request, CancellationToken ct) =>
        TypedResults.Ok(await insights.SetTargetAsync(key, request, ct));

    public static async Task<Ok<RebuildResultDto>> RebuildInstances(Rebuild rebuild, CancellationToken ct) => TypedResults.Ok(await rebuild.RunAsync(ct));
}
