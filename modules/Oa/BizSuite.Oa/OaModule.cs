using BizSuite.Hr;
using BizSuite.Kernel;
using BizSuite.Oa.Announcements;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Data;
using BizSuite.Oa.Delegations;
using BizSuite.Oa.Notifications;
using BizSuite.Oa.Tasks;
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
        services.AddScoped<ISubstitutes, DelegationSubstitutes>();
        services.AddScoped<DelegationAppService>();
        services.AddScoped<IDomainEventHandler<LeaveApproved>, DelegateToHeadWhileOnLeave>();
        services.AddBackgroundJob<ApplyApprovalTimeoutsJob, ApplyApprovalTimeouts>();
        services.AddRecurringWork<EnqueueApprovalTimeouts>("oa-approval-timeouts", EnqueueApprovalTimeouts.Cron, TimeZoneInfo.Utc);
        services.AddScoped<IApprovalService, ApprovalService>();
        services.AddScoped<IApprovalFlowAppService, ApprovalFlowAppService>();
        services.AddScoped<ApprovalAppService>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedApprovalFlowsWhenTenantCreated>();

        services.AddScoped<TaskAppService>();
        services.AddScoped<ITaskService>(sp => sp.GetRequiredService<TaskAppService>());
        services.AddScoped<AnnouncementAppService>();
        services.AddScoped<IAnnouncementService>(sp => sp.GetRequiredService<AnnouncementAppService>());

        services.AddScoped<NotificationAppService>();
        services.AddScoped<Notifier>();
        services.AddScoped<INotificationService, NotificationService>();
        services.AddScoped<IDomainEventHandler<ApprovalStepAssigned>, NotifyApproversWhenStepAssigned>();
        services.AddScoped<IDomainEventHandler<ApprovalCompleted>, NotifyApplicantWhenApprovalCompleted>();
        services.AddScoped<IDomainEventHandler<ApprovalRejected>, NotifyApplicantWhenApprovalRejected>();
        services.AddScoped<IDomainEventHandler<ApprovalReminded>, NotifyApproversWhenReminded>();
        services.AddScoped<IDomainEventHandler<ApprovalCopied>, NotifyRecipientsWhenCopied>();
        services.AddScoped<IDomainEventHandler<ApprovalReturned>, NotifyApplicantWhenReturned>();
        services.AddScoped<IDomainEventHandler<TaskAssigned>, NotifyAssigneeWhenTaskAssigned>();
        services.AddBackgroundJob<EmailNotificationJob, EmailNotification>();
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
            s.GetListAsync(ParseBox(box, ApprovalBox.Assigned), page, documentType, ct)).WithExcelExport();
        approvals.MapGet("/{id:guid}", (ApprovalAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        approvals.MapGet("/people", (ApprovalAppService s, CancellationToken ct) => s.PeopleAsync(ct))
            .WithSummary("List the colleagues one may add as signer or transfer to");
        approvals.MapPost("/{id:guid}/approve", (ApprovalAppService s, Guid id, DecideApprovalRequest? request, CancellationToken ct) =>
            s.ApproveAsync(id, request?.Comment, ct));
        approvals.MapPost("/{id:guid}/reject", (ApprovalAppService s, Guid id, RejectApprovalRequest request, CancellationToken ct) =>
            s.RejectAsync(id, request.Comment, ct));
        approvals.MapPost("/{id:guid}/withdraw", (ApprovalAppService s, Guid id, CancellationToken ct) => s.WithdrawAsync(id, ct));
        approvals.MapPost("/{id:guid}/add-signer", (ApprovalAppService s, Guid id, AddSignerRequest request, CancellationToken ct) =>
            s.AddSignerAsync(id, request, ct)).WithSummary("Add a signer (加签) before or after oneself");
        approvals.MapPost("/{id:guid}/transfer", (ApprovalAppService s, Guid id, TransferApprovalRequest request, CancellationToken ct) =>
            s.TransferAsync(id, request, ct)).WithSummary("Transfer one's pending decision (转交) to another user");
        approvals.MapPost("/{id:guid}/return", (ApprovalAppService s, Guid id, ReturnApprovalRequest request, CancellationToken ct) =>
            s.ReturnAsync(id, request, ct)).WithSummary("Return (退回) to an earlier step or to the applicant");
        approvals.MapPost("/{id:guid}/resubmit", (ApprovalAppService s, Guid id, DecideApprovalRequest? request, CancellationToken ct) =>
            s.ResubmitAsync(id, request?.Comment, ct)).WithSummary("Resubmit a request returned to its applicant");
        approvals.MapPost("/{id:guid}/remind", (ApprovalAppService s, Guid id, CancellationToken ct) => s.RemindAsync(id, ct))
            .WithSummary("Remind the current approvers (催办), at most once an hour");
        approvals.MapPost("/batch-approve", (ApprovalAppService s, BatchApproveRequest request, CancellationToken ct) => s.BatchApproveAsync(request, ct))
            .WithSummary("Approve several waiting items at once");

        // Delegation (委托) is each user's own: whom they name to stand in, and for whom they stand in.
        var delegations = api.MapGroup("/oa/delegations").WithTags("Delegations").RequirePermission(OaPermissions.Approvals);
        delegations.MapGet("/", (DelegationAppService s, CancellationToken ct) => s.GetListAsync(ct)).WithSummary("List my delegations");
        delegations.MapPost("/", async (DelegationAppService s, CreateDelegationRequest request, CancellationToken ct) =>
        {
            var delegation = await s.CreateAsync(request, ct);
            return Results.Created($"/api/oa/delegations/{delegation.Id}", delegation);
        }).WithSummary("Name a substitute for a period");
        delegations.MapDelete("/{id:guid}", async (DelegationAppService s, Guid id, CancellationToken ct) =>
        {
            await s.CancelAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("End a delegation now");

        var tasks = api.MapGroup("/oa/tasks").WithTags("Tasks").RequirePermission(OaPermissions.Tasks);
        tasks.MapGet("/", (TaskAppService s, [AsParameters] PageRequest page, string? box, WorkTaskStatus? status, CancellationToken ct) =>
            s.GetListAsync(ParseBox(box, TaskBox.Mine), page, status, ct)).WithExcelExport();
        tasks.MapGet("/{id:guid}", (TaskAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        tasks.MapPost("/", async (TaskAppService s, CreateTaskRequest request, CancellationToken ct) =>
        {
            var task = await s.CreateAsync(request, ct);
            return Results.Created($"/api/oa/tasks/{task.Id}", task);
        }).RequirePermission(OaPermissions.TasksManage);
        tasks.MapPost("/{id:guid}/status", (TaskAppService s, Guid id, MoveTaskRequest request, CancellationToken ct) => s.MoveAsync(id, request.Status, ct));

        var announcements = api.MapGroup("/oa/announcements").WithTags("Announcements").RequirePermission(OaPermissions.Announcements);
        announcements.MapGet("/", (AnnouncementAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        announcements.MapPost("/", async (AnnouncementAppService s, PublishAnnouncementRequest request, CancellationToken ct) =>
        {
            var announcement = await s.PublishAsync(request, ct);
            return Results.Created($"/api/oa/announcements/{announcement.Id}", announcement);
        }).RequirePermission(OaPermissions.AnnouncementsManage);
        announcements.MapPost("/{id:guid}/read", (AnnouncementAppService s, Guid id, CancellationToken ct) => s.MarkReadAsync(id, ct));
        announcements.MapGet("/{id:guid}/receipts", (AnnouncementAppService s, Guid id, CancellationToken ct) => s.GetReceiptsAsync(id, ct))
            .RequirePermission(OaPermissions.AnnouncementsManage);

        // Every signed-in user of a tenant has notifications; they are only ever their own.
        var notifications = api.MapGroup("/oa/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", (NotificationAppService s, [AsParameters] PageRequest page, bool? unread, CancellationToken ct) =>
            s.GetListAsync(page, unread ?? false, ct));
        notifications.MapGet("/unread-count", async (NotificationAppService s, CancellationToken ct) => new { count = await s.UnreadCountAsync(ct) });
        notifications.MapPost("/{id:guid}/read", async (NotificationAppService s, Guid id, CancellationToken ct) =>
        {
            await s.MarkReadAsync(id, ct);
            return Results.NoContent();
        });
        notifications.MapPost("/read-all", async (NotificationAppService s, CancellationToken ct) =>
        {
            await s.MarkAllReadAsync(ct);
            return Results.NoContent();
        });
    }

    /// <summary><c>?box=assigned|submitted|done|cc</c> (tasks: <c>mine|assigned-by-me</c>); none is the first tab.</summary>
    private static TBox ParseBox<TBox>(string? box, TBox first) where TBox : struct, Enum =>
        box is null ? first
        : Enum.TryParse<TBox>(box.Replace("-", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new BusinessException(OaErrors.UnknownBox, StatusCodes.Status400BadRequest, box) { Field = "box" };
}
