using BizSuite.Kernel;

namespace BizSuite.Oa.Notifications;

public enum NotificationKind { ApprovalAssigned, ApprovalCompleted, ApprovalRejected, TaskAssigned, Announcement, Alert, ApprovalReminded, ApprovalCopied, ApprovalReturned, Mentioned }

/// <summary>An in-app message to one user (站内通知); the web app words it by kind, in the reader's language.</summary>
internal sealed class Notification : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    /// <summary>What it is about: the document number and title, the task or announcement title.</summary>
    public string Title { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    private Notification() { }

    public Notification(Guid userId, NotificationKind kind, string title, string? link, DateTime now)
    {
        UserId = userId;
        Kind = kind;
        Title = title.Length > 200 ? title[..200] : title;
        Link = link;
        CreatedAt = now;
    }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
