using System.Globalization;
using System.Text.Json;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using BizSuite.Oa.Forms;
using BizSuite.Oa.Notifications;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Timeline;

/// <summary>A line of a record's timeline, with the name of who did it.</summary>
public sealed record TimelineItemDto(Guid Id, DateTime At, TimelineItemKind Kind, string Type, Guid? UserId, string? UserName, string? Text, string? Notes,
    JsonElement? Data, IReadOnlyList<TimelineFile> Files);

/// <summary>Newest first; <paramref name="Next"/> is the <c>before</c> of the next (older) page, null at the record's beginning.</summary>
public sealed record TimelinePageDto(IReadOnlyList<TimelineItemDto> Items, string? Next);

/// <summary>The users picked in the comment's @-autocomplete are notified; files are uploaded first (<c>/api/oa/timeline/attachments</c>).</summary>
public sealed record AddRecordCommentRequest(string? Text, IReadOnlyList<Guid>? MentionedUserIds, IReadOnlyList<Guid>? AttachmentIds);

public sealed record MentionCandidateDto(Guid Id, string UserName, string Name);

public sealed class AddRecordCommentRequestValidator : AbstractValidator<AddRecordCommentRequest>
{
    public AddRecordCommentRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().When(r => r.AttachmentIds is not { Count: > 0 });
        RuleFor(r => r.Text).MaximumLength(RecordComment.MaxTextLength);
        RuleFor(r => r.MentionedUserIds).Must(ids => ids is null || ids.Count <= 20);
        RuleFor(r => r.AttachmentIds).Must(ids => ids is null || ids.Count <= 10);
    }
}

/// <summary>
/// Record timelines (chatter): every source's items of one record merged newest first and paged backwards on (time, id), comments
/// with @mentions, and their files. A user sees a record's timeline when they may see that kind of record.
/// </summary>
internal sealed class RecordTimelineAppService(OaDbContext db, IEnumerable<TimelineRecordType> recordTypes, IEnumerable<ITimelineSource> sources,
    IPermissionChecker permissions, ICurrentUser currentUser, IUserDirectory users, IUserAppService userList, Notifier notifier, AttachmentStore attachments,
    TimeProvider clock, IServiceProvider services)
{
    private const int DefaultTake = 20;
    private const int MaxTake = 100;

    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Timelines need a signed-in user.");

    public async Task<TimelinePageDto> GetAsync(string recordType, Guid recordId, string? before, int? take, CancellationToken ct)
    {
        var type = await VisibleAsync(recordType, recordId, ct);
        var size = Math.Clamp(take ?? DefaultTake, 1, MaxTake);
        var cursor = ParseCursor(before);
        var items = new List<TimelineItem>();
        // One more than a page from each source tells whether an older page exists.
        foreach (var source in sources) items.AddRange(await source.ReadAsync(type, recordId, cursor, size + 1, ct));
        items.Sort(TimelineCursor.Newest);
        var page = items.Take(size).ToList();
        var next = items.Count > size ? FormatCursor(page[^1]) : null;
        return new TimelinePageDto(await WithNamesAsync(page, ct), next);
    }

    public async Task<TimelineItemDto> CommentAsync(string recordType, Guid recordId, AddRecordCommentRequest request, CancellationToken ct)
    {
        var type = await VisibleAsync(recordType, recordId, ct);
        var me = Me;
        var fileIds = request.AttachmentIds?.Distinct().ToList() ?? [];
        var files = await db.FormAttachments.Where(a => fileIds.Contains(a.Id) && a.UploadedBy == me).ToListAsync(ct);
        if (fileIds.Except(files.Select(f => f.Id)).FirstOrDefault() is var foreign && foreign != Guid.Empty)
            throw new BusinessException(OaErrors.AttachmentNotYours, StatusCodes.Status422UnprocessableEntity, foreign) { Field = "attachmentIds" };
        var mentioned = request.MentionedUserIds?.Distinct().ToList() ?? [];
        var found = mentioned.Count == 0 ? [] : await users.FindAsync(mentioned, ct);
        var seeing = mentioned.Count == 0 ? [] : (await users.FindUsersWithPermissionAsync(type.ReadPermission, ct)).ToHashSet();
        bool MaySee(Guid user) => seeing.Contains(user);
        if (mentioned.Except(found.Select(u => u.UserId)).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            throw new BusinessException(OaErrors.UnknownUser, StatusCodes.Status422UnprocessableEntity, unknown) { Field = "mentionedUserIds" };
        // A mention links to the record: someone who may not open it would get a notification that leads to a refusal.
        var blind = mentioned.Count == 0 ? null : found.FirstOrDefault(u => !MaySee(u.UserId));
        if (blind is not null)
            throw new BusinessException(OaErrors.MentionCannotSeeRecord, StatusCodes.Status422UnprocessableEntity, blind.Name) { Field = "mentionedUserIds" };

        var comment = new RecordComment(type.Name, recordId, me, request.Text ?? "", files, clock.GetUtcNow().UtcDateTime);
        db.RecordComments.Add(comment);
        var author = (await users.FindAsync([me], ct)).FirstOrDefault()?.Name ?? currentUser.UserName ?? "";
        var excerpt = comment.Text.Length > 80 ? comment.Text[..80] + "…" : comment.Text;
        await notifier.NotifyAsync(mentioned.Where(id => id != me), NotificationKind.Mentioned, $"{author}: {excerpt}", type.LinkTo(recordId), ct);
        return (await WithNamesAsync([CommentTimelineSource.ToItem(comment)], ct))[0];
    }

    public async Task<TimelineFile> UploadAsync(IFormFile file, CancellationToken ct)
    {
        var attachment = await attachments.UploadAsync(file, ct);
        return new TimelineFile(attachment.Id, attachment.FileName, attachment.Size);
    }

    /// <summary>A file of a comment is served to whoever may see the comment's record, and to its uploader.</summary>
    public async Task<FormAttachment> DownloadAsync(Guid id, CancellationToken ct)
    {
        var attachment = await db.FormAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Attachment", id);
        if (attachment.UploadedBy == currentUser.Id) return attachment;
        var types = await db.RecordComments.AsNoTracking().Where(c => c.Files.Any(f => f.AttachmentId == id)).Select(c => c.RecordType).Distinct().ToListAsync(ct);
        foreach (var type in recordTypes.Where(t => types.Contains(t.Name)))
            if (await permissions.IsGrantedAsync(type.ReadPermission, ct)) return attachment;
        throw new EntityNotFoundException("Attachment", id);
    }

    /// <summary>
    /// The autocomplete's few matches by name or user name among the users who may see records of <paramref name="recordType"/>
    /// (only they can be mentioned on one).
    /// </summary>
    public async Task<IReadOnlyList<MentionCandidateDto>> FindPeopleAsync(string recordType, string? filter, CancellationToken ct)
    {
        var type = recordTypes.FirstOrDefault(t => t.Name == recordType) ?? throw new EntityNotFoundException("TimelineRecordType", recordType);
        var seeing = (await users.FindUsersWithPermissionAsync(type.ReadPermission, ct)).ToHashSet();
        var found = await userList.GetListAsync(new PageRequest(0, 20, "name", string.IsNullOrWhiteSpace(filter) ? null : filter.Trim()), ct);
        return found.Items.Where(u => u.IsActive && seeing.Contains(u.Id)).Take(10).Select(u => new MentionCandidateDto(u.Id, u.UserName, u.Name)).ToList();
    }

    /// <summary>The record's type when the user may see such records and this one exists in the tenant (else 403 / 404).</summary>
    private async Task<TimelineRecordType> VisibleAsync(string recordType, Guid recordId, CancellationToken ct)
    {
        var type = recordTypes.FirstOrDefault(t => t.Name == recordType) ?? throw new EntityNotFoundException("TimelineRecordType", recordType);
        if (!await permissions.IsGrantedAsync(type.ReadPermission, ct))
            throw new BusinessException(OaErrors.RecordNotVisible, StatusCodes.Status403Forbidden);
        if (!await type.ExistsAsync(services, recordId, ct)) throw new EntityNotFoundException(recordType, recordId);
        return type;
    }

    private async Task<List<TimelineItemDto>> WithNamesAsync(IReadOnlyList<TimelineItem> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.UserId is not null).Select(i => i.UserId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<Guid, string>() : (await users.FindAsync(ids, ct)).ToDictionary(u => u.UserId, u => u.Name);
        return items.Select(i => new TimelineItemDto(i.Id, i.At, i.Kind, i.Type, i.UserId, i.UserId is { } id ? names.GetValueOrDefault(id) : null,
            i.Text, i.Notes, i.Data, i.Files)).ToList();
    }

    /// <summary>The cursor is opaque to clients: the last item's time in ticks and its id.</summary>
    private static string FormatCursor(TimelineItem last) => $"{last.At.Ticks.ToString(CultureInfo.InvariantCulture)}_{last.Id:N}";

    private static TimelineCursor? ParseCursor(string? before)
    {
        if (string.IsNullOrEmpty(before)) return null;
        var parts = before.Split('_');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks && Guid.TryParseExact(parts[1], "N", out var id))
            return new TimelineCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        throw new BizSuite.Kernel.ValidationException(new Dictionary<string, string[]> { ["before"] = ["ticks_id"] });
    }
}

/// <summary>The record's comments as timeline items, paged like every source.</summary>
internal sealed class CommentTimelineSource(OaDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineRecordType type, Guid recordId, TimelineCursor? before, int take, CancellationToken ct)
    {
        var query = db.RecordComments.AsNoTracking().Where(c => c.RecordType == type.Name && c.RecordId == recordId);
        if (before is not null)
            query = query.Where(c => c.PostedAt < before.At || (c.PostedAt == before.At && c.Id.CompareTo(before.Id) < 0));
        var comments = await query.OrderByDescending(c => c.PostedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);
        return comments.Select(ToItem).ToList();
    }

    public static TimelineItem ToItem(RecordComment c) => new(c.Id, DateTime.SpecifyKind(c.PostedAt, DateTimeKind.Utc), TimelineItemKind.Comment, "Comment",
        c.AuthorId, c.Text, null, null, c.Files.Select(f => new TimelineFile(f.AttachmentId, f.FileName, f.Size)).ToList());
}
