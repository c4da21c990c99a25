using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Notifications;

/// <summary>Mails one notification to its user (a job: the business transaction never waits for a mail server).</summary>
public sealed record EmailNotification(Guid NotificationId);

/// <summary>
/// Writes in-app notifications and, when the tenant has a mail server, queues one e-mail each in the same transaction;
/// once that commits, each user's open tabs hear of theirs (<see cref="PushMethod"/>).
/// </summary>
internal sealed class Notifier(OaDbContext db, EmailSender email, JobQueue jobs, IUserPush push, TimeProvider clock)
{
    public const string PushMethod = "notification";

    public async Task NotifyAsync(IEnumerable<Guid> userIds, NotificationKind kind, string title, string? link, CancellationToken ct)
    {
        var mail = await email.IsConfiguredAsync(ct);
        foreach (var userId in userIds.Distinct())
        {
            var notification = new Notification(userId, kind, title, link, clock.GetUtcNow().UtcDateTime);
            db.Notifications.Add(notification);
            if (mail) jobs.Enqueue(new EmailNotification(notification.Id));
            push.AfterCommit([userId], PushMethod,
                new NotificationDto(notification.Id, kind, title, link, notification.CreatedAt, null));
        }
    }
}

/// <summary>Alerts other modules raise (a KPI that missed its target) reach their users like any other notification.</summary>
internal sealed class NotificationService(Notifier notifier) : INotificationService
{
    public Task NotifyAsync(NotificationRequest request, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(request.UserIds, NotificationKind.Alert, request.Title, request.Link, cancellationToken);
}

internal sealed class NotifyApproversWhenStepAssigned(Notifier notifier) : IDomainEventHandler<ApprovalStepAssigned>
{
    public Task HandleAsync(ApprovalStepAssigned e, CancellationToken ct) =>
        notifier.NotifyAsync(e.ApproverUserIds, NotificationKind.ApprovalAssigned, $"{e.DocumentNumber} {e.Title}", $"/oa/approvals/{e.ApprovalId}", ct);
}

internal sealed class NotifyApplicantWhenApprovalCompleted(Notifier notifier, OaDbContext db) : IDomainEventHandler<ApprovalCompleted>
{
    public async Task HandleAsync(ApprovalCompleted e, CancellationToken ct) =>
        await notifier.NotifyAsync([e.ApplicantUserId], NotificationKind.ApprovalCompleted, await ApprovalTitle.OfAsync(db, e.ApprovalId, ct),
            $"/oa/approvals/{e.ApprovalId}", ct);
}

internal sealed class NotifyApplicantWhenApprovalRejected(Notifier notifier, OaDbContext db) : IDomainEventHandler<ApprovalRejected>
{
    public async Task HandleAsync(ApprovalRejected e, CancellationToken ct) =>
        await notifier.NotifyAsync([e.ApplicantUserId], NotificationKind.ApprovalRejected, await ApprovalTitle.OfAsync(db, e.ApprovalId, ct),
            $"/oa/approvals/{e.ApprovalId}", ct);
}

/// <summary>催办, by the applicant or by a step's deadline: the current approvers hear again (in the app, and by mail when configured).</summary>
internal sealed class NotifyApproversWhenReminded(Notifier notifier) : IDomainEventHandler<ApprovalReminded>
{
    public Task HandleAsync(ApprovalReminded e, CancellationToken ct) =>
        notifier.NotifyAsync(e.ApproverUserIds, NotificationKind.ApprovalReminded, $"{e.DocumentNumber} {e.Title}", $"/oa/approvals/{e.ApprovalId}", ct);
}

internal sealed class NotifyRecipientsWhenCopied(Notifier notifier) : IDomainEventHandler<ApprovalCopied>
{
    public Task HandleAsync(ApprovalCopied e, CancellationToken ct) =>
        notifier.NotifyAsync(e.UserIds, NotificationKind.ApprovalCopied, $"{e.DocumentNumber} {e.Title}", $"/oa/approvals/{e.ApprovalId}", ct);
}

/// <summary>A request returned to its applicant (退回) waits for them to edit and submit it again.</summary>
internal sealed class NotifyApplicantWhenReturned(Notifier notifier, OaDbContext db) : IDomainEventHandler<ApprovalReturned>
{
    public async Task HandleAsync(ApprovalReturned e, CancellationToken ct)
    {
        if (e.ToStep != 0) return;
        await notifier.NotifyAsync([e.ApplicantUserId], NotificationKind.ApprovalReturned, await ApprovalTitle.OfAsync(db, e.ApprovalId, ct),
            $"/oa/approvals/{e.ApprovalId}", ct);
    }
}

internal sealed class NotifyAssigneeWhenTaskAssigned(Notifier notifier) : IDomainEventHandler<TaskAssigned>
{
    public Task HandleAsync(TaskAssigned e, CancellationToken ct) =>
        notifier.NotifyAsync([e.AssigneeUserId], NotificationKind.TaskAssigned, e.Title, "/oa/tasks", ct);
}

internal static class ApprovalTitle
{
    /// <summary>The events carry ids only; the approval is already saved in this transaction when its events are handled.</summary>
    public static async Task<string> OfAsync(OaDbContext db, Guid approvalId, CancellationToken ct) =>
        await db.Approvals.Where(a => a.Id == approvalId).Select(a => a.DocumentNumber + " " + a.Title).FirstOrDefaultAsync(ct) ?? "";
}

internal sealed class EmailNotificationJob(OaDbContext db, EmailSender email, IUserDirectory users, SettingStore settings) : IBackgroundJob<EmailNotification>
{
    public async Task ExecuteAsync(EmailNotification args, CancellationToken ct)
    {
        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == args.NotificationId, ct);
        // Nothing to send when the mail server was removed since, or the user was disabled.
        if (notification is null || !await email.IsConfiguredAsync(ct)) return;
        var user = (await users.FindAsync([notification.UserId], ct)).FirstOrDefault();
        if (user is null || user.Email.Length == 0) return;
        var chinese = (await settings.GetAsync(KernelSettings.DefaultLanguage, ct)).StartsWith("zh");
        var subject = chinese ? $"{Subject(notification.Kind, true)}：{notification.Title}" : $"{Subject(notification.Kind, false)}: {notification.Title}";
        var body = chinese
            ? $"{user.Name}，您好：\n\n{Subject(notification.Kind, true)}：{notification.Title}\n请登录 BizSuite 查看：{notification.Link}"
            : $"Dear {user.Name},\n\n{Subject(notification.Kind, false)}: {notification.Title}\nOpen it in BizSuite: {notification.Link}";
        await email.SendAsync(new EmailMessage(user.Name, user.Email, subject, body), ct);
    }

    private static string Subject(NotificationKind kind, bool chinese) => (kind, chinese) switch
    {
        (NotificationKind.ApprovalAssigned, true) => "待您审批",
        (NotificationKind.ApprovalAssigned, false) => "Waiting for your approval",
        (NotificationKind.ApprovalCompleted, true) => "审批已通过",
        (NotificationKind.ApprovalCompleted, false) => "Approved",
        (NotificationKind.ApprovalRejected, true) => "审批被驳回",
        (NotificationKind.ApprovalRejected, false) => "Rejected",
        (NotificationKind.TaskAssigned, true) => "新任务",
        (NotificationKind.TaskAssigned, false) => "New task",
        (NotificationKind.Mentioned, true) => "有人@了您",
        (NotificationKind.Mentioned, false) => "You were mentioned",
        (NotificationKind.Alert, true) => "提醒",
        (NotificationKind.Alert, false) => "Alert",
        (_, true) => "新公告",
        _ => "New announcement",
    };
}
