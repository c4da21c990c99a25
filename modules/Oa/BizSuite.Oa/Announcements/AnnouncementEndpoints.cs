using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Announcements;

internal static class AnnouncementEndpoints
{
    public static void MapAnnouncementEndpoints(this IEndpointRouteBuilder api)
    {
        var announcements = api.MapGroup("/oa/announcements").WithTags("Announcements").RequirePermission(OaPermissions.Announcements);
        announcements.MapGet("/", ListAnnouncements).WithExcelExport();
        announcements.MapPost("/", PublishAnnouncement).RequirePermission(OaPermissions.AnnouncementsManage);
        announcements.MapPost("/{id:guid}/read", MarkAnnouncementRead);
        announcements.MapGet("/{id:guid}/receipts", GetReceipts).RequirePermission(OaPermissions.AnnouncementsManage);
    }

    public static async Task<Ok<PagedResult<AnnouncementDto>>> ListAnnouncements(AnnouncementAppService announcements, [AsParameters] PageRequest page,
        CancellationToken ct) =>
        TypedResults.Ok(await announcements.GetListAsync(page, ct));

    public static async Task<Created<AnnouncementDto>> PublishAnnouncement(AnnouncementAppService announcements, PublishAnnouncementRequest request,
        CancellationToken ct)
    {
        var announcement = await announcements.PublishAsync(request, ct);
        return TypedResults.Created($"/api/oa/announcements/{announcement.Id}", announcement);
    }

    public static async Task<Ok<AnnouncementDto>> MarkAnnouncementRead(AnnouncementAppService announcements, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await announcements.MarkReadAsync(id, ct));

    public static async Task<Ok<ReceiptsDto>> GetReceipts(AnnouncementAppService announcements, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await announcements.GetReceiptsAsync(id, ct));
}
