using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BizSuite.Finance.Reports;

internal static class FinanceReportEndpoints
{
    public static void MapFinanceReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/finance/reports").WithTags("Finance reports").RequirePermission(FinancePermissions.Reports);
        reports.MapGet("/trial-balance", GetTrialBalance);
        reports.MapGet("/ar-aging", GetArAging);
        reports.MapGet("/ar-aging/export", ExportArAging);
        reports.MapGet("/ap-aging", GetApAging);
        reports.MapGet("/ap-aging/export", ExportApAging);
    }

    private static async Task<Ok<TrialBalanceDto>> GetTrialBalance(FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await s.TrialBalanceAsync(asOf ?? Today(clock), ct));

    private static async Task<Ok<AgingReportDto>> GetArAging(FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await s.ArAgingAsync(asOf ?? Today(clock), ct));

    private static async Task<FileContentHttpResult> ExportArAging(FinanceReports s, IStringLocalizer l, TimeProvider clock, DateOnly? asOf, CancellationToken ct)
    {
        var report = await s.ArAgingAsync(asOf ?? Today(clock), ct);
        return TypedResults.File(AgingExport.ToExcel(report, l), ExcelExport.ContentType, $"ar-aging-{report.AsOf:yyyyMMdd}.xlsx");
    }

    private static async Task<Ok<PayableAgingReportDto>> GetApAging(FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await s.ApAgingAsync(asOf ?? Today(clock), ct));

    private static async Task<FileContentHttpResult> ExportApAging(FinanceReports s, IStringLocalizer l, TimeProvider clock, DateOnly? asOf, CancellationToken ct)
    {
        var report = await s.ApAgingAsync(asOf ?? Today(clock), ct);
        return TypedResults.File(AgingExport.ToExcel(report, l), ExcelExport.ContentType, $"ap-aging-{report.AsOf:yyyyMMdd}.xlsx");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
