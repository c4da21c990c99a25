using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

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

    private static async Task<Ok<List<SettingDto>>> GetSettings(SettingDefinitions definitions, SettingStore store, IStringLocalizer localizer, CancellationToken ct)
    {
        var values = new List<SettingDto>();
        foreach (var d in definitions.All.Where(d => d.VisibleToTenants))
        {
            var value = await store.GetAsync(d.Name, ct);
            values.Add(new SettingDto(d.Name, localizer["Setting:" + d.Name], d.IsSecret && value.Length > 0 ? SettingStore.SecretMask : value, d.DefaultValue, d.IsSecret));
        }
        return TypedResults.Ok(values);
    }

    private static async Task<NoContent> UpdateSettings(Dictionary<string, string> values, SettingDefinitions definitions, SettingStore store, CancellationToken ct)
    {
        foreach (var (name, value) in values)
        {
            if (!definitions.All.Any(d => d.Name == name && d.VisibleToTenants))
                throw new BusinessException(KernelErrors.UnknownSetting, StatusCodes.Status400BadRequest, name) { Field = name };
            await store.SetAsync(name, value, ct);
        }
        return TypedResults.NoContent();
    }
}
