using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Delegations;

internal static class DelegationEndpoints
{
    /// <summary>Delegation (委托) is each user's own: whom they name to stand in, and for whom they stand in.</summary>
    public static void MapDelegationEndpoints(this IEndpointRouteBuilder api)
    {
        var delegations = api.MapGroup("/oa/delegations").WithTags("Delegations").RequirePermission(OaPermissions.Approvals);
        delegations.MapGet("/", ListDelegations).WithSummary("List my delegations");
        delegations.MapPost("/", CreateDelegation).WithSummary("Name a substitute for a period");
        delegations.MapDelete("/{id:guid}", CancelDelegation).WithSummary("End a delegation now");
    }

    public static async Task<Ok<IReadOnlyList<DelegationDto>>> ListDelegations(DelegationAppService delegations, CancellationToken ct) =>
        TypedResults.Ok(await delegations.GetListAsync(ct));

    public static async Task<Created<DelegationDto>> CreateDelegation(DelegationAppService delegations, CreateDelegationRequest request, CancellationToken ct)
    {
        var delegation = await delegations.CreateAsync(request, ct);
        return TypedResults.Created($"/api/oa/delegations/{delegation.Id}", delegation);
    }

    public static async Task<NoContent> CancelDelegation(DelegationAppService delegations, Guid id, CancellationToken ct)
    {
        await delegations.CancelAsync(id, ct);
        return TypedResults.NoContent();
    }
}
