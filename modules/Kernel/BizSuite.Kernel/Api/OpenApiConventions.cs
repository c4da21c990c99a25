using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace BizSuite.Kernel;

/// <summary>
/// What the kernel adds to the OpenAPI document of a host (<c>/openapi/v1.json</c>), for every module and plugin alike, so an
/// endpoint mapped tomorrow is documented the same way without doing anything: an operationId and a summary derived from
/// its method and route (unless it names itself with <c>WithName</c>/<c>WithSummary</c>), its security requirement and
/// permission from its authorization metadata, and the ProblemDetails answers every endpoint can give.
/// </summary>
public static class OpenApiConventions
{
    public const string PermissionNameSchema = "PermissionName";
    public const string ProblemDetailsSchema = "ProblemDetails";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";
    /// <summary>The permission an operation requires, as an extension integrators and tests can read.</summary>
    public const string PermissionExtension = "x-permission";

    public static OpenApiOptions AddBizSuiteConventions(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = UniqueSchemaIds().Invoke;
        return options
            .AddOperationTransformer<OperationConventionsTransformer>()
            .AddDocumentTransformer<PermissionNamesTransformer>()
            .AddDocumentTransformer<SharedComponentsTransformer>();
    }

    /// <summary>
    /// Schema names are type names, and two modules may both name a DTO <c>DeliveryDto</c>: the document would then describe
    /// one type under the other's name, and clients would get the wrong shape. A second type under a taken name fails the
    /// document with both types named, so the clash is fixed by renaming one.
    /// </summary>
    internal static Func<JsonTypeInfo, string?> UniqueSchemaIds()
    {
        var owners = new ConcurrentDictionary<string, Type>();
        return info =>
        {
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
            if (id is null) return null;
            // CollectionStatus? shares CollectionStatus's schema (its nullability is said where it is used).
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            var owner = owners.GetOrAdd(id, type);
            return owner == type ? id : throw new InvalidOperationException(
                $"The OpenAPI schema name '{id}' belongs to both {owner.FullName} and {type.FullName}: rename one of them.");
        };
    }
}

/// <summary>
/// Derives a missing operationId and summary, and adds security and error answers to one operation. Derivation from the
/// route: <c>GET /api/finance/invoices</c> → <c>Finance_ListInvoices</c> "List invoices"; <c>GET …/invoices/{id}/pdf</c> →
/// <c>Finance_GetInvoicePdf</c>; <c>POST …/invoices/{id}/payments</c> → <c>Finance_CreateInvoicePayment</c>;
/// <c>POST /api/crm/contracts/{id}/sign</c> → <c>Crm_SignContract</c>; PUT → Update…, DELETE → Delete….
/// </summary>
internal sealed class OperationConventionsTransformer : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> Acronyms = ["pdf", "api", "ar", "ap", "vat", "oa", "hr", "crm", "sku", "kpi", "kpis"];

    /// <summary>POST routes that end in a noun rather than a verb, and the verb that reads right before it.</summary>
    private static readonly Dictionary<string, string> NounActions = new()
    {
        ["webhook"] = "Receive", ["status"] = "Set", ["portal"] = "Open", ["credit-note"] = "Issue", ["checkout"] = "Start",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var segments = (description.RelativePath ?? "").Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.FirstOrDefault() == "api") segments.RemoveAt(0);
        var (module, words) = Derive(method, segments);
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // A handler method's own name (ListCustomers) is not a name the endpoint chose: the operationId stays the derived
        // Crm_ListCustomers that integrators and the generated client know. Only WithName with another name overrides it.
        if (metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler && operation.OperationId == handler.Name) operation.OperationId = null;
        operation.OperationId ??= $"{Pascal(module)}_{string.Concat(words)}";
        operation.Summary ??= Sentence(words);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var secured = !anonymous && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
        var permissions = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<PermissionRequirement>()
            .Select(r => r.Permission).Distinct().ToList();
        var document = context.Document;
        operation.Responses ??= new OpenApiResponses();
        if (secured)
        {
            // A bearer token from login, or an API key for a system: either satisfies the requirement.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiConventions.BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiConventions.ApiKeyScheme, document)] = [] },
            ];
            Problem(operation, document, "401", "No or an expired access token or API key.");
            if (permissions.Count > 0)
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[OpenApiConventions.PermissionExtension] = new JsonNodeExtension(
                    permissions.Count == 1 ? JsonValue.Create(permissions[0]) : new JsonArray(permissions.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
                Problem(operation, document, "403", $"The user or key lacks the permission {string.Join(" and ", permissions)}.");
            }
        }
        else if (anonymous) operation.Security = []; // public on purpose (login, sign-up, webhooks that verify their own signature)

        // Anonymous endpoints check what they are sent themselves (a login's body, a webhook's signature).
        if (anonymous || operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
            Problem(operation, document, "400", "Invalid input: the field errors are in errors, the rule broken in code.");
        if (segments.Any(IsParameter)) Problem(operation, document, "404", "Not found, or another tenant's.");
        Binary(operation, segments);
        return Task.CompletedTask;
    }

    internal static (string Module, List<string> Words) Derive(string method, IReadOnlyList<string> segments)
    {
        var module = segments.Count > 0 && !IsParameter(segments[0]) ? segments[0] : "Api";
        var rest = segments.Skip(1).ToList();
        // Each literal read as a noun: singular when a parameter names one of them (invoices/{id} → Invoice).
        var nouns = rest.Select((s, i) => IsParameter(s) ? null : i + 1 < rest.Count && IsParameter(rest[i + 1]) ? Singular(Pascal(s)) : Pascal(s))
            .OfType<string>().ToList();
        var last = rest.LastOrDefault();
        if (last is null) return (module, [Verb(method), Pascal(module)]);
        var lastIsParameter = IsParameter(last);
        var plural = !lastIsParameter && IsPlural(last);
        List<string> words = method switch
        {
            "GET" => [plural ? "List" : "Get", .. nouns],
            "POST" when plural => ["Create", .. nouns[..^1], Singular(nouns[^1])],
            "POST" when NounActions.TryGetValue(last, out var verb) => [verb, .. nouns],
            // An action on a resource or the module: contracts/{id}/sign → SignContract, account/login → Login.
            "POST" when !lastIsParameter => [Pascal(last), .. nouns[..^1]],
            _ => [Verb(method), .. nouns],
        };
        return (module, words);
    }

    private static string Verb(string method) => method switch
    {
        "PUT" => "Update",
        "DELETE" => "Delete",
        "PATCH" => "Patch",
        "POST" => "Post",
        _ => "Get",
    };

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static bool IsPlural(string segment) =>
        segment.EndsWith('s') && !segment.EndsWith("ss", StringComparison.Ordinal) && !segment.EndsWith("us", StringComparison.Ordinal);

    private static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("sses", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1]
        : word;

    private static string Pascal(string segment) =>
        string.Concat(segment.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>"ListInvoices" → "List invoices", "GetInvoicePdf" → "Get invoice PDF".</summary>
    internal static string Sentence(IEnumerable<string> words)
    {
        var parts = words.SelectMany(w => System.Text.RegularExpressions.Regex.Split(w, "(?<=[a-z0-9])(?=[A-Z])"))
            .Where(p => p.Length > 0)
            .Select(p => Acronyms.Contains(p.ToLowerInvariant()) ? p.ToUpperInvariant() : p.ToLowerInvariant())
            .ToList();
        if (parts.Count == 0) return "";
        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts);
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(OpenApiConventions.ProblemDetailsSchema, document) },
            },
        };
    }

    /// <summary>Documents (…/pdf) and spreadsheets (…/export, …/import/template) are files, whatever the handler returns.</summary>
    private static void Binary(OpenApiOperation operation, IReadOnlyList<string> segments)
    {
        var last = segments.LastOrDefault();
        var mediaType = last switch
        {
            "pdf" => "application/pdf",
            "export" or "template" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
        if (mediaType is null || !operation.Responses!.TryGetValue("200", out var ok) || ok is not OpenApiResponse response || response.Content is { Count: > 0 }) return;
        response.Description = last == "pdf" ? "The document as an A4 PDF." : "An Excel workbook.";
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        };
    }
}

/// <summary>The security schemes and the ProblemDetails schema the operations refer to.</summary>
internal sealed class SharedComponentsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The server is the request's base address; without its trailing slash paths join as "/api/…" does not repeat it.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiConventions.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from POST /api/account/login (send the tenant in the __tenant header there).",
        };
        document.Components.SecuritySchemes[OpenApiConventions.ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "An API key created under Identity → API keys; it acts with its scopes within its creator's grants.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // An enum's shared schema is made from its first use; when that use is nullable (CollectionStatus? status) the
        // null lands in the enum itself. Whether a use may be null is said where it is used (oneOf with type null).
        foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>())
            if (schema.Enum is { } values && values.Any(v => v is null)) schema.Enum = values.Where(v => v is not null).ToList();
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        document.Components.Schemas[OpenApiConventions.ProblemDetailsSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, localized (Accept-Language), with a stable code such as Crm:ContractAlreadySigned.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = text,
                ["title"] = text,
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = text,
                ["instance"] = text,
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Module:Rule, stable across languages and versions." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Field errors of a 400: field name (camelCase) → messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text },
                },
                ["traceId"] = text,
            },
        };
        return Task.CompletedTask;
    }
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
