using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>The plugins loaded from the plugins folder.</summary>
internal static class PluginEndpoints
{
    public static void MapPluginEndpoints(this IEndpointRouteBuilder api)
    {
        // Any signed-in user: the app shows a plugin's pages only when the plugin is loaded.
        api.MapGet("/plugins", ListPlugins).WithTags("Plugins").RequireAuthorization();
    }

    private static Ok<List<PluginDto>> ListPlugins(ModuleCatalog catalog, IStringLocalizer localizer) =>
        TypedResults.Ok(catalog.Plugins.Select(p => new PluginDto(
            p.Name, p.Assembly.GetName().Version?.ToString(3) ?? "", localizer["Plugin:" + p.Name] is { ResourceNotFound: false } text ? text.Value : "")).ToList());
}
