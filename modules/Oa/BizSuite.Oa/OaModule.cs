using BizSuite.Hr;
using BizSuite.Kernel;
using BizSuite.Oa.Announcements;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Data;
using BizSuite.Oa.Delegations;
using BizSuite.Oa.Forms;
using BizSuite.Oa.Notifications;
using BizSuite.Oa.Tasks;
using BizSuite.Oa.Timeline;
using BizSuite.Saas;
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
        services.AddScoped<ApprovalInboxPush>();
        services.AddScoped<PushInboxWhenApprovalChanges>();
        services.AddScoped<IDomainEventHandler<ApprovalStepAssigned>>(sp => sp.GetRequiredService<PushInboxWhenApprovalChanges>());
        services.AddScoped<IDomainEventHandler<ApprovalCompleted>>(sp => sp.GetRequiredService<PushInboxWhenApprovalChanges>());
        services.AddScoped<IDomainEventHandler<ApprovalRejected>>(sp => sp.GetRequiredService<PushInboxWhenApprovalChanges>());
        services.AddScoped<IDomainEventHandler<ApprovalWithdrawn>>(sp => sp.GetRequiredService<PushInboxWhenApprovalChanges>());
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedApprovalFlowsWhenTenantCreated>();

        services.AddScoped<ApprovalFormAppService>();
        services.AddScoped<FormSubmissionAppService>();
        services.AddScoped<FormValues>();
        services.AddScoped<AttachmentStore>();
        services.AddScoped<IUsageMeter, FormAttachmentStorage>();
        services.AddScoped<MoveSubmissionWhenApprovalDecided>();
        services.AddScoped<IDomainEventHandler<ApprovalCompleted>>(sp => sp.GetRequiredService<MoveSubmissionWhenApprovalDecided>());
        services.AddScoped<IDomainEventHandler<ApprovalRejected>>(sp => sp.GetRequiredService<MoveSubmissionWhenApprovalDecided>());
        services.AddScoped<IDomainEventHandler<ApprovalWithdrawn>>(sp => sp.GetRequiredService<MoveSubmissionWhenApprovalDecided>());

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

        services.AddScoped<RecordTimelineAppService>();
        services.AddScoped<ITimelineSource, CommentTimelineSource>();
        services.AddTimelineRecord<OaDbContext, Approval>(OaRecordTypes.Approval, OaPermissions.Approvals, "/oa/approvals/{id}");
    }

    /// <summary>Every employee has an inbox, tasks and announcements; defining flows, assigning tasks and publishing are for managers.</summary>
    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Oa")
        .AddForMembers(OaPermissions.Approvals)
        .AddForMembers(OaPermissions.Tasks)
        .AddForMembers(OaPermissions.Announcements)
        .AddForMembers(OaPermissions.Forms)
        .Add(OaPermissions.ApprovalFlows, OaPermissions.ApprovalFlowsManage)
        .Add(OaPermissions.TasksManage)
        .Add(OaPermissions.AnnouncementsManage)
        .Add(OaPermissions.FormsManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapApprovalFlowEndpoints();
        api.MapApprovalEndpoints();
        api.MapDelegationEndpoints();
        api.MapTaskEndpoints();
        api.MapAnnouncementEndpoints();
        api.MapNotificationEndpoints();
        api.MapApprovalFormEndpoints();
        api.MapFormSubmissionEndpoints();
        api.MapRecordTimelineEndpoints();
    }
}
