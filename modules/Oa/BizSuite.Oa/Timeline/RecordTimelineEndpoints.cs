using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Timeline;

internal static class RecordTimelineEndpoints
{
    /// <summary>The permission depends on the record type (who may see customers sees their timelines): checked by the service.</summary>
    public static void MapRecordTimelineEndpoints(this IEndpointRouteBuilder api)
    {
        var timeline = api.MapGroup("/oa/timeline").WithTags("Record timelines").RequireAuthorization();
        timeline.MapGet("/{recordType}/{recordId:guid}", GetRecordTimeline).WithSummary("A record's timeline, newest first, a page older than `before`");
        timeline.MapPost("/{recordType}/{recordId:guid}/comments", AddRecordComment).WithSummary("Comment on a record, notifying the @mentioned users");
        timeline.MapPost("/attachments", UploadTimelineAttachment).DisableAntiforgery();
        timeline.MapGet("/attachments/{id:guid}", GetTimelineAttachment);
        timeline.MapGet("/{recordType}/people", FindMentionCandidates).WithSummary("Users to @mention on a record of this type (those who may see it), by name or user name");
    }

    public static async Task<Ok<TimelinePageDto>> GetRecordTimeline(RecordTimelineAppService timelines, string recordType, Guid recordId, string? before, int? take,
        CancellationToken ct) =>
        TypedResults.Ok(await timelines.GetAsync(recordType, recordId, before, take, ct));

    public static async Task<Created<TimelineItemDto>> AddRecordComment(RecordTimelineAppService timelines, string recordType, Guid recordId,
        AddRecordCommentRequest request, CancellationToken ct)
    {
        var comment = await timelines.CommentAsync(recordType, recordId, request, ct);
        return TypedResults.Created($"/api/oa/timeline/{recordType}/{recordId}", comment);
    }

    public static async Task<Created<TimelineFile>> UploadTimelineAttachment(RecordTimelineAppService timelines, IFormFile file, CancellationToken ct)
    {
        var attachment = await timelines.UploadAsync(file, ct);
        return TypedResults.Created($"/api/oa/timeline/attachments/{attachment.Id}", attachment);
    }

    public static async Task<FileContentHttpResult> GetTimelineAttachment(RecordTimelineAppService timelines, Guid id, CancellationToken ct)
    {
        var attachment = await timelines.DownloadAsync(id, ct);
        return TypedResults.File(attachment.Content, "application/octet-stream", attachment.FileName);
    }

    public static async Task<Ok<IReadOnlyList<MentionCandidateDto>>> FindMentionCandidates(RecordTimelineAppService timelines, string recordType, string? filter,
        CancellationToken ct) =>
        TypedResults.Ok(await timelines.FindPeopleAsync(recordType, filter, ct));
}
