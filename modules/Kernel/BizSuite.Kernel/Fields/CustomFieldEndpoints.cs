using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Kernel;

/// <summary>Settings → Custom fields: the tenant admin's definitions per kind of record; reading them needs the record's read permission.</summary>
internal static class CustomFieldEndpoints
{
    public static void MapCustomFieldEndpoints(this IEndpointRouteBuilder api)
    {
        var fields = api.MapGroup("/custom-fields").WithTags("CustomFields");
        fields.MapGet("/", ListCustomFieldEntities).RequirePermission(KernelPermissions.CustomFields);
        fields.MapGet("/{entityType}", ListCustomFields).RequireAuthorization();
        fields.MapPost("/{entityType}", CreateCustomField).RequirePermission(KernelPermissions.CustomFields);
        fields.MapPut("/{entityType}/{id:guid}", UpdateCustomField).RequirePermission(KernelPermissions.CustomFields);
        fields.MapPost("/{entityType}/{id:guid}/remove", RemoveCustomField).RequirePermission(KernelPermissions.CustomFields);
        fields.MapPost("/{entityType}/{id:guid}/restore", RestoreCustomField).RequirePermission(KernelPermissions.CustomFields);
    }

    private static Ok<IReadOnlyList<CustomFieldEntityDto>> ListCustomFieldEntities(CustomFieldAppService s) => TypedResults.Ok(s.GetEntityTypes());

    private static async Task<Ok<List<CustomFieldDto>>> ListCustomFields(CustomFieldAppService s, string entityType, bool? includeRemoved, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(entityType, includeRemoved == true, ct));

    private static async Task<Created<CustomFieldDto>> CreateCustomField(CustomFieldAppService s, string entityType, SaveCustomFieldRequest request,
        CancellationToken ct)
    {
        var field = await s.CreateAsync(entityType, request, ct);
        return TypedResults.Created($"/api/custom-fields/{entityType}/{field.Id}", field);
    }

    private static async Task<Ok<CustomFieldDto>> UpdateCustomField(CustomFieldAppService s, string entityType, Guid id, SaveCustomFieldRequest request,
        CancellationToken ct) => TypedResults.Ok(await s.UpdateAsync(entityType, id, request, ct));

    private static async Task<NoContent> RemoveCustomField(CustomFieldAppService s, string entityType, Guid id, CancellationToken ct)
    {
        await s.RemoveAsync(entityType, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RestoreCustomField(CustomFieldAppService s, string entityType, Guid id, CancellationToken ct)
    {
        await s.RestoreAsync(entityType, id, ct);
        return TypedResults.NoContent();
    }
}
