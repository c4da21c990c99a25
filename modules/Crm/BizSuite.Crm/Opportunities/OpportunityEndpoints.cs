using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Opportunities;

internal static class OpportunityEndpoints
{
    public static void MapOpportunityEndpoints(this IEndpointRouteBuilder api)
    {
        var opportunities = api.MapGroup("/crm/opportunities").WithTags("Opportunities").RequirePermission(CrmPermissions.Opportunities);
        opportunities.MapGet("/", ListOpportunities).WithExcelExport();
        opportunities.MapGet("/{id:guid}", GetOpportunity);
        opportunities.MapPost("/", CreateOpportunity).RequirePermission(CrmPermissions.OpportunitiesManage);
        opportunities.MapPut("/{id:guid}", UpdateOpportunity).RequirePermission(CrmPermissions.OpportunitiesManage);
        opportunities.MapPost("/{id:guid}/move", MoveOpportunity).RequirePermission(CrmPermissions.OpportunitiesManage);
    }

    private static async Task<Ok<PagedResult<OpportunityDto>>> ListOpportunities(OpportunityAppService s, [AsParameters] PageRequest page, Guid? customerId,
        OpportunityStage? stage, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, customerId, stage, ct));

    private static async Task<Ok<OpportunityDto>> GetOpportunity(OpportunityAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<OpportunityDto>> CreateOpportunity(OpportunityAppService s, SaveOpportunityRequest request, CancellationToken ct)
    {
        var opportunity = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/crm/opportunities/{opportunity.Id}", opportunity);
    }

    private static async Task<Ok<OpportunityDto>> UpdateOpportunity(OpportunityAppService s, Guid id, SaveOpportunityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<Ok<OpportunityDto>> MoveOpportunity(OpportunityAppService s, Guid id, MoveOpportunityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.MoveAsync(id, request, ct));
}
