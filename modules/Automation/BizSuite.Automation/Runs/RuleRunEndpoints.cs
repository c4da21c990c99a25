using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Automation.Runs;

internal static class RuleRunEndpoints
{
    public static void MapRuleRunEndpoints(this IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/automation/runs").WithTags("Automation").RequirePermission(AutomationPermissions.Manage);
        runs.MapGet("/", ListRuleRuns).WithExcelExport();
    }

    public static async Task<Ok<PagedResult<RuleRunDto>>> ListRuleRuns(RuleRunAppService runs, [AsParameters] PageRequest page, Guid? ruleId,
        RuleRunResult? result, CancellationToken ct) =>
        TypedResults.Ok(await runs.GetListAsync(page, ruleId, result, ct));
}
