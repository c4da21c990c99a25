using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Identity.Impersonations;

internal static class ImpersonationEndpoints
{
    public static void MapImpersonationEndpoints(this IEndpointRouteBuilder api)
    {
        var impersonations = api.MapGroup("/identity/impersonations").WithTags("Impersonation");
        impersonations.MapGet("/candidates", ListImpersonationCandidates).RequirePermission(IdentityPermissions.Impersonate);
        impersonations.MapPost("/", StartImpersonation).RequirePermission(IdentityPermissions.Impersonate);
        // Ended with the impersonation's own token, whatever the tenant user's permissions or plan.
        impersonations.MapPost("/end", EndImpersonation).RequireAuthorization().AllowWhenReadOnly();
    }

    public static async Task<Ok<IReadOnlyList<ImpersonationCandidateDto>>> ListImpersonationCandidates(ImpersonationService impersonations, Guid tenantId, CancellationToken ct) =>
        TypedResults.Ok(await impersonations.GetCandidatesAsync(tenantId, ct));

    public static async Task<Ok<StartedImpersonationDto>> StartImpersonation(ImpersonationService impersonations, StartImpersonationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await impersonations.StartAsync(request, ct));

    public static async Task<NoContent> EndImpersonation(ImpersonationService impersonations, CancellationToken ct)
    {
        await impersonations.EndAsync(ct);
        return TypedResults.NoContent();
    }
}
