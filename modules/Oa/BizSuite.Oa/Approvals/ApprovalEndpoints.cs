using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Approvals;

internal static class ApprovalEndpoints
{
    public static void MapApprovalEndpoints(this IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/oa/approvals").WithTags("Approvals").RequirePermission(OaPermissions.Approvals);
        approvals.MapGet("/", ListApprovals).WithExcelExport();
        approvals.MapGet("/inbox-count", GetInboxCount).WithSummary("How many approvals wait for my decision (pushed live as approvalInbox)");
        approvals.MapGet("/{id:guid}", GetApproval);
        approvals.MapGet("/people", ListPeople).WithSummary("List the colleagues one may add as signer or transfer to");
        approvals.MapPost("/{id:guid}/approve", Approve);
        approvals.MapPost("/{id:guid}/reject", Reject);
        approvals.MapPost("/{id:guid}/withdraw", Withdraw);
        approvals.MapPost("/{id:guid}/add-signer", AddSigner).WithSummary("Add a signer (加签) before or after oneself");
        approvals.MapPost("/{id:guid}/transfer", Transfer).WithSummary("Transfer one's pending decision (转交) to another user");
        approvals.MapPost("/{id:guid}/return", Return).WithSummary("Return (退回) to an earlier step or to the applicant");
        approvals.MapPost("/{id:guid}/resubmit", Resubmit).WithSummary("Resubmit a request returned to its applicant");
        approvals.MapPost("/{id:guid}/remind", Remind).WithSummary("Remind the current approvers (催办), at most once an hour");
        approvals.MapPost("/batch-approve", BatchApprove).WithSummary("Approve several waiting items at once");
    }

    public static async Task<Ok<PagedResult<ApprovalListItemDto>>> ListApprovals(ApprovalAppService approvals, [AsParameters] PageRequest page,
        string? box, string? documentType, CancellationToken ct) =>
        TypedResults.Ok(await approvals.GetListAsync(Boxes.Parse(box, ApprovalBox.Assigned), page, documentType, ct));

    public static async Task<Ok<ApprovalInboxCountDto>> GetInboxCount(ApprovalAppService approvals, CancellationToken ct) =>
        TypedResults.Ok(await approvals.InboxCountAsync(ct));

    public static async Task<Ok<ApprovalDto>> GetApproval(ApprovalAppService approvals, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await approvals.GetAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<UserRefDto>>> ListPeople(ApprovalAppService approvals, CancellationToken ct) =>
        TypedResults.Ok(await approvals.PeopleAsync(ct));

    public static async Task<Ok<ApprovalDto>> Approve(ApprovalAppService approvals, Guid id, DecideApprovalRequest? request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.ApproveAsync(id, request?.Comment, ct));

    public static async Task<Ok<ApprovalDto>> Reject(ApprovalAppService approvals, Guid id, RejectApprovalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.RejectAsync(id, request.Comment, ct));

    public static async Task<Ok<ApprovalDto>> Withdraw(ApprovalAppService approvals, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await approvals.WithdrawAsync(id, ct));

    public static async Task<Ok<ApprovalDto>> AddSigner(ApprovalAppService approvals, Guid id, AddSignerRequest request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.AddSignerAsync(id, request, ct));

    public static async Task<Ok<ApprovalDto>> Transfer(ApprovalAppService approvals, Guid id, TransferApprovalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.TransferAsync(id, request, ct));

    public static async Task<Ok<ApprovalDto>> Return(ApprovalAppService approvals, Guid id, ReturnApprovalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.ReturnAsync(id, request, ct));

    public static async Task<Ok<ApprovalDto>> Resubmit(ApprovalAppService approvals, Guid id, DecideApprovalRequest? request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.ResubmitAsync(id, request?.Comment, ct));

    public static async Task<Ok<ApprovalDto>> Remind(ApprovalAppService approvals, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await approvals.RemindAsync(id, ct));

    public static async Task<Ok<BatchApproveResult>> BatchApprove(ApprovalAppService approvals, BatchApproveRequest request, CancellationToken ct) =>
        TypedResults.Ok(await approvals.BatchApproveAsync(request, ct));
}
