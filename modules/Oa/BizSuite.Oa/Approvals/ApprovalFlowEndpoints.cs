using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Approvals;

internal static class ApprovalFlowEndpoints
{
    public static void MapApprovalFlowEndpoints(this IEndpointRouteBuilder api)
    {
        var flows = api.MapGroup("/oa/approval-flows").WithTags("Approval flows").RequirePermission(OaPermissions.ApprovalFlows);
        flows.MapGet("/", ListApprovalFlows);
        flows.MapGet("/{id:guid}", GetApprovalFlow);
        flows.MapPost("/", CreateApprovalFlow).RequirePermission(OaPermissions.ApprovalFlowsManage);
        flows.MapPut("/{id:guid}", UpdateApprovalFlow).RequirePermission(OaPermissions.ApprovalFlowsManage);
        flows.MapDelete("/{id:guid}", DeleteApprovalFlow).RequirePermission(OaPermissions.ApprovalFlowsManage);
    }

    public static async Task<Ok<IReadOnlyList<ApprovalFlowDto>>> ListApprovalFlows(IApprovalFlowAppService flows, CancellationToken ct) =>
        TypedResults.Ok(await flows.GetListAsync(ct));

    public static async Task<Ok<ApprovalFlowDto>> GetApprovalFlow(IApprovalFlowAppService flows, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await flows.GetAsync(id, ct));

    public static async Task<Created<ApprovalFlowDto>> CreateApprovalFlow(IApprovalFlowAppService flows, SaveApprovalFlowRequest request,
        CancellationToken ct)
    {
        var flow = await flows.CreateAsync(request, ct);
        return TypedResults.Created($"/api/oa/approval-flows/{flow.Id}", flow);
    }

    public static async Task<Ok<ApprovalFlowDto>> UpdateApprovalFlow(IApprovalFlowAppService flows, Guid id, SaveApprovalFlowRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await flows.UpdateAsync(id, request, ct));

    public static async Task<NoContent> DeleteApprovalFlow(IApprovalFlowAppService flows, Guid id, CancellationToken ct)
    {
        await flows.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
