using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Kernel;

/// <summary>The tenant's settings page: the settings modules let tenants see and change.</summary>
internal static class SettingEndpoints
{
    public static void MapSettingEndpoints(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings").RequirePermission(KernelPermissions.Settings);
        settings.MapGet("/", GetSettings);
        settings.MapPut("/", UpdateSettings);
    }

    private static async Task<Ok<List<SettingDto>>> GetSettings(SettingAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetListAsync(ct));

    private static async Task<NoContent> UpdateSettings(SettingAppService s, Dictionary<string, string> values, CancellationToken ct)
    {
        await s.UpdateAsync(values, ct);
        return TypedResults.NoContent();
    }
}
