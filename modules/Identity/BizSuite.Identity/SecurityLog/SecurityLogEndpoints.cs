using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.SecurityLog;

internal static class SecurityLogEndpoints
{
    public static void MapSecurityLogEndpoints(this IEndpointRouteBuilder api)
    {
        var log = api.MapGroup("/identity/security-log").WithTags("SecurityLog").RequirePermission(IdentityPermissions.SecurityLog);
        log.MapGet("/", ListSecurityEvents);
    }

    public static async Task<Ok<PagedResult<SecurityEventDto>>> ListSecurityEvents(SecurityLogService log, [AsParameters] SecurityLogQuery query, CancellationToken ct) =>
        TypedResults.Ok(await log.GetListAsync(query, ct));
}
