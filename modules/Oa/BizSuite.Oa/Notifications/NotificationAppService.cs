using BizSuite.Kernel;
using BizSuite.Oa.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Notifications;

public sealed record NotificationDto(Guid Id, NotificationKind Kind, string Title, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, long TotalCount, int UnreadCount);

/// <summary>The signed-in user's own notifications; nobody reads another's.</summary>
internal sealed class NotificationAppService(OaDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Notifications need a signed-in user.");

    public async Task<NotificationListDto> GetListAsync(PageRequest page, bool unreadOnly, CancellationToken ct)
    {
        var me = Me;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var query = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await query.OrderByDescending(n => n.CreatedAt).Skip(page.Skip).Take(page.Take)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new NotificationListDto(items, await query.LongCountAsync(ct), await mine.CountAsync(n => n.ReadAt == null, ct));
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var me = Me;
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct)
    {
        var me = Me;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == me, ct) ?? throw new EntityNotFoundException("Notification", id);
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
    }

    public async Task MarkAllReadAsync(CancellationToken ct)
    {
        var me = Me;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ToListAsync(ct)) notification.MarkRead(now);
    }
}
