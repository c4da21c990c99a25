using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder api)
    {
        var apiKeys = api.MapGroup("/identity/api-keys").WithTags("API keys").RequirePermission(IdentityPermissions.ApiKeys)
            .BelongsToModule(SaasModules.ApiKeys); // sold with the larger plans, apart from the rest of Identity
        apiKeys.MapGet("/", ListApiKeys).WithExcelExport();
        apiKeys.MapPost("/", CreateApiKey);
        apiKeys.MapPost("/{id:guid}/revoke", RevokeApiKey);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(ApiKeyAppService apiKeys, CancellationToken ct) =>
        TypedResults.Ok(await apiKeys.GetListAsync(ct));

    /// <summary>The only answer that shows the key itself.</summary>
    public static async Task<Created<CreatedApiKeyDto>> CreateApiKey(ApiKeyAppService apiKeys, CreateApiKeyRequest request, CancellationToken ct)
    {
        var created = await apiKeys.CreateAsync(request, ct);
        return TypedResults.Created($"/api/identity/api-keys/{created.ApiKey.Id}", created);
    }

    public static async Task<Ok<ApiKeyDto>> RevokeApiKey(ApiKeyAppService apiKeys, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await apiKeys.RevokeAsync(id, ct));
}
