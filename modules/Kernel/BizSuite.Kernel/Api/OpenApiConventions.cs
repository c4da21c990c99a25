using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace BizSuite.Kernel;

/// <summary>What the kernel adds to the OpenAPI document of a host (<c>/openapi/v1.json</c>).</summary>
public static class OpenApiConventions
{
    public const string PermissionNameSchema = "PermissionName";

    public static OpenApiOptions AddBizSuiteConventions(this OpenApiOptions options) =>
        options.AddDocumentTransformer<PermissionNamesTransformer>();
}

/// <summary>
/// Every permission the host's modules and plugins define, as the string enum <c>PermissionName</c>: clients generate
/// their constants from it instead of spelling the names by hand.
/// </summary>
internal sealed class PermissionNamesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var permissions = context.ApplicationServices.GetRequiredService<PermissionDefinitions>().All;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[OpenApiConventions.PermissionNameSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A permission a role can be granted (Identity roles) and an endpoint can require (x-permission).",
            Enum = permissions.Select(p => (JsonNode)JsonValue.Create(p.Name)).ToList(),
        };
        return Task.CompletedTask;
    }
}
