using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Kernel;

/// <summary>
/// Endpoint metadata naming the module an endpoint belongs to, for the tenant's plan. The kernel adds it to
/// every endpoint a module maps; a module may name a finer part it sells separately (Identity's API keys: "ApiKeys").
/// </summary>
public sealed record ModuleEndpoint(string Module);

/// <summary>Endpoint metadata: still callable when the tenant is read-only (sign-in, paying the bill).</summary>
public sealed record AllowedWhenReadOnly;

public static class PlanEndpointExtensions
{
    public static TBuilder BelongsToModule<TBuilder>(this TBuilder builder, string module) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ModuleEndpoint(module));

    public static TBuilder AllowWhenReadOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedWhenReadOnly());
}

/// <summary>
/// What a tenant's plan allows, checked for every request of a tenant once its endpoint is known: endpoints of
/// modules outside the plan answer 403, and a read-only tenant may still read but not write.
/// The Saas module decides both through <see cref="TenantInfo"/>; the codes are its own.
/// </summary>
public static class PlanGate
{
    public const string ModuleNotInEdition = "Saas:ModuleNotInEdition";
    public const string TenantReadOnly = "Saas:TenantReadOnly";

    public static void Check(TenantInfo tenant, Endpoint? endpoint, string method, DateTime now, bool viaApiKey)
    {
        if (endpoint is null) return;
        if (endpoint.Metadata.GetMetadata<ModuleEndpoint>() is { } module && tenant.LockedModules.Contains(module.Module))
            throw new BusinessException(ModuleNotInEdition, StatusCodes.Status403Forbidden, module.Module);
        // Calling with a key is itself what the plan sells: a tenant moved to a plan without it keeps its keys, unusable.
        if (viaApiKey && tenant.LockedModules.Contains(ApiKeyClaims.Module))
            throw new BusinessException(ModuleNotInEdition, StatusCodes.Status403Forbidden, ApiKeyClaims.Module);
        if (tenant.ReadOnlyFrom <= now && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) &&
            endpoint.Metadata.GetMetadata<AllowedWhenReadOnly>() is null)
            throw new BusinessException(TenantReadOnly, StatusCodes.Status402PaymentRequired);
    }
}
