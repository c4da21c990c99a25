using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Notifications;

/// <summary>What the bell in the header shows.</summary>
public sealed record UnreadCountDto(int Count);

internal static class NotificationEndpoints
{
    /// <summary>Every signed-in user of a tenant has notifications; they are only ever their own.</summary>
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/oa/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("/", ListNotifications);
        notifications.MapGet("/unread-count", GetUnreadCount);
        notifications.MapPost("/{id:guid}/read", MarkNotificationRead);
        notifications.MapPost("/read-all", MarkAllNotificationsRead);
    }

    public static async Task<Ok<NotificationListDto>> ListNotifications(NotificationAppService notifications, [AsParameters] PageRequest page, bool? unread,
        CancellationToken ct) =>
        TypedResults.Ok(await notifications.GetListAsync(page, unread ?? false, ct));

    public static async Task<Ok<UnreadCountDto>> GetUnreadCount(NotificationAppService notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountDto(await notifications.UnreadCountAsync(ct)));

    public static async Task<NoContent> MarkNotificationRead(NotificationAppService notifications, Guid id, CancellationToken ct)
    {
        await notifications.MarkReadAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllNotificationsRead(NotificationAppService notifications, CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(ct);
        return TypedResults.NoContent();
    }
}
