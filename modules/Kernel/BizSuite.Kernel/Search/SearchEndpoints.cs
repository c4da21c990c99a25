using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Kernel;

/// <summary>The global search (Ctrl+K): any signed-in user; each kind of record checks its own read permission.</summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        var search = api.MapGroup("/search").WithTags("Search");
        search.MapGet("/", Search).RequireAuthorization();
    }

    private static async Task<Ok<SearchResult>> Search(GlobalSearch s, [AsParameters] SearchRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.SearchAsync(request, ct));
}
