using BizSuite.Kernel;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Data;
using BizSuite.Saas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Oa;

public sealed class OaModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<OaDbContext>();
        services.AddScoped<ApproverResolver>();
        services.AddScoped<IApprovalService, ApprovalService>();
        services.AddScoped<IApprovalFlowAppService, ApprovalFlowAppService>();
        services.AddScoped<ApprovalAppService>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedApprovalFlowsWhenTenantCreated>();
    }

    /// <summary>Every employee has an inbox, tasks and announcements; defining flows, assigning tasks and publishing are for managers.</summary>
    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Oa")
        .AddForMembers(OaPermissions.Approvals)
        .AddForMembers(OaPermissions.Tasks)
        .AddForMembers(OaPermissions.Announcements)
        .Add(OaPermissions.ApprovalFlows, OaPermissions.ApprovalFlowsManage)
        .Add(OaPermissions.TasksManage)
        .Add(OaPermissions.AnnouncementsManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var flows = api.MapGroup("/oa/approval-flows").WithTags("Approval flows").RequirePermission(OaPermissions.ApprovalFlows);
        flows.MapGet("/", (IApprovalFlowAppService s, CancellationToken ct) => s.GetListAsync(ct));
        flows.MapGet("/{id:guid}", (IApprovalFlowAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        flows.MapPost("/", async (IApprovalFlowAppService s, SaveApprovalFlowRequest request, CancellationToken ct) =>
        {
            var flow = await s.CreateAsync(request, ct);
            return Results.Created($"/api/oa/approval-flows/{flow.Id}", flow);
        }).RequirePermission(OaPermissions.ApprovalFlowsManage);
        flows.MapPut("/{id:guid}", (IApprovalFlowAppService s, Guid id, SaveApprovalFlowRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(OaPermissions.ApprovalFlowsManage);
        flows.MapDelete("/{id:guid}", async (IApprovalFlowAppService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(OaPermissions.ApprovalFlowsManage);

        var approvals = api.MapGroup("/oa/approvals").WithTags("Approvals").RequirePermission(OaPermissions.Approvals);
        approvals.MapGet("/", (ApprovalAppService s, [AsParameters] PageRequest page, string? box, string? documentType, CancellationToken ct) =>
            s.GetListAsync(ParseBox(box), page, documentType, ct));
        approvals.MapGet("/{id:guid}", (ApprovalAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        approvals.MapPost("/{id:guid}/approve", (ApprovalAppService s, Guid id, DecideApprovalRequest? request, CancellationToken ct) =>
            s.ApproveAsync(id, request?.Comment, ct));
        approvals.MapPost("/{id:guid}/reject", (ApprovalAppService s, Guid id, RejectApprovalRequest request, CancellationToken ct) =>
            s.RejectAsync(id, request.Comment, ct));
        approvals.MapPost("/{id:guid}/withdraw", (ApprovalAppService s, Guid id, CancellationToken ct) => s.WithdrawAsync(id, ct));
    }

    /// <summary><c>?box=assigned|submitted|done</c>; none is the assigned box, the inbox's first tab.</summary>
    private static ApprovalBox ParseBox(string? box) =>
        box is null ? ApprovalBox.Assigned
        : Enum.TryParse<ApprovalBox>(box, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new BusinessException(OaErrors.UnknownBox, StatusCodes.Status400BadRequest, box) { Field = "box" };
}
