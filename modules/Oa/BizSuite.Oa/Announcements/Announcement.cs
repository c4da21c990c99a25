using BizSuite.Kernel;

namespace BizSuite.Oa.Announcements;

/// <summary>A notice (公告) to everyone, or to departments and their sub-departments.</summary>
internal sealed class Announcement : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>Empty: everyone.</summary>
    public List<Guid> DepartmentIds { get; private set; } = [];
    public DateTime PublishedAt { get; private set; }
    public Guid? PublishedBy { get; private set; }

    private Announcement() { }

    public static Announcement Publish(AnnouncementRequest request, Guid? publishedBy, DateTime now)
    {
        var announcement = new Announcement
        {
            Title = request.Title.Trim(),
            Body = request.Body.Trim(),
            DepartmentIds = (request.DepartmentIds ?? []).Distinct().ToList(),
            PublishedAt = now,
            PublishedBy = publishedBy,
        };
        announcement.Raise(new AnnouncementPublished(announcement.Id, announcement.Title, announcement.DepartmentIds));
        return announcement;
    }

    /// <summary>A reader sees it when it goes to everyone or to their department or one of its ancestors.</summary>
    public bool IsFor(IReadOnlyCollection<Guid> readerDepartmentPath) =>
        DepartmentIds.Count == 0 || DepartmentIds.Any(readerDepartmentPath.Contains);
}

/// <summary>A read receipt (已读回执): who read an announcement, and when.</summary>
internal sealed class AnnouncementRead : Entity, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid AnnouncementId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime ReadAt { get; private set; }

    private AnnouncementRead() { }

    public AnnouncementRead(Guid announcementId, Guid userId, DateTime readAt)
    {
        AnnouncementId = announcementId;
        UserId = userId;
        ReadAt = readAt;
    }
}
