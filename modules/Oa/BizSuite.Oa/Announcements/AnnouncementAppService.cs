using BizSuite.Hr;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Announcements;

public sealed record AnnouncementDto(Guid Id, string Title, string Body, IReadOnlyList<Guid> DepartmentIds, DateTime PublishedAt, Guid? PublishedBy,
    DateTime? ReadAt);

public sealed record ReadReceiptDto(Guid UserId, string? Name, DateTime ReadAt);

/// <summary>Who read it, and out of how many active users it is addressed to.</summary>
public sealed record ReceiptsDto(Guid AnnouncementId, int ReadCount, int AudienceCount, IReadOnlyList<ReadReceiptDto> Reads);

public sealed record PublishAnnouncementRequest(string Title, string Body, IReadOnlyList<Guid>? DepartmentIds);

/// <summary>
/// Announcements the reader may see, read receipts, and the publishing service other modules call (welcome notices).
/// Without HR a reader belongs to no department and sees the announcements to everyone.
/// </summary>
internal sealed class AnnouncementAppService(OaDbContext db, IUserAppService userAdmin, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock,
    IOrgDirectory? org = null) : IAnnouncementService
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Announcements need a signed-in user.");

    public async Task<PagedResult<AnnouncementDto>> GetListAsync(PageRequest page, CancellationToken ct)
    {
        // Filtering by department happens in memory: the reader's path is a few ids and a tenant's announcements are few.
        var path = await PathAsync(Me, ct);
        var visible = (await db.Announcements.AsNoTracking().OrderByDescending(a => a.PublishedAt).ToListAsync(ct)).Where(a => a.IsFor(path)).ToList();
        var pageItems = visible.Skip(page.Skip).Take(page.Take).ToList();
        var ids = pageItems.Select(a => a.Id).ToList();
        var me = Me;
        var reads = await db.AnnouncementReads.AsNoTracking().Where(r => r.UserId == me && ids.Contains(r.AnnouncementId))
            .ToDictionaryAsync(r => r.AnnouncementId, r => r.ReadAt, ct);
        return new PagedResult<AnnouncementDto>(pageItems.Select(a => a.ToDto(reads.TryGetValue(a.Id, out var at) ? at : null)).ToList(), visible.Count);
    }

    public async Task<AnnouncementDto> PublishAsync(PublishAnnouncementRequest request, CancellationToken ct)
    {
        var announcement = Announcement.Publish(new AnnouncementRequest(request.Title, request.Body, request.DepartmentIds), Me, Now);
        db.Announcements.Add(announcement);
        return announcement.ToDto(null);
    }

    public Task<Guid> PublishAsync(AnnouncementRequest request, CancellationToken ct)
    {
        var announcement = Announcement.Publish(request, currentUser.Id, Now);
        db.Announcements.Add(announcement);
        return Task.FromResult(announcement.Id);
    }

    /// <summary>Reading twice keeps the first receipt.</summary>
    public async Task<AnnouncementDto> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var announcement = await LoadAsync(id, ct);
        if (!announcement.IsFor(await PathAsync(Me, ct))) throw new EntityNotFoundException("Announcement", id);
        var me = Me;
        var read = await db.AnnouncementReads.FirstOrDefaultAsync(r => r.AnnouncementId == id && r.UserId == me, ct);
        if (read is null) db.AnnouncementReads.Add(read = new AnnouncementRead(id, me, Now));
        return announcement.ToDto(read.ReadAt);
    }

    public async Task<ReceiptsDto> GetReceiptsAsync(Guid id, CancellationToken ct)
    {
        var announcement = await LoadAsync(id, ct);
        var reads = await db.AnnouncementReads.AsNoTracking().Where(r => r.AnnouncementId == id).OrderBy(r => r.ReadAt).ToListAsync(ct);
        var names = (await users.FindAsync(reads.Select(r => r.UserId).ToList(), ct)).ToDictionary(u => u.UserId, u => u.Name);
        return new ReceiptsDto(id, reads.Count, await AudienceCountAsync(announcement, ct),
            reads.Select(r => new ReadReceiptDto(r.UserId, names.GetValueOrDefault(r.UserId), r.ReadAt)).ToList());
    }

    /// <summary>Active users the announcement reaches; asks HR per user for department announcements (a manager's page, an SMB's head count).</summary>
    private async Task<int> AudienceCountAsync(Announcement announcement, CancellationToken ct)
    {
        var active = new List<Guid>();
        for (var skip = 0; ; skip += PageRequest.MaxTake)
        {
            var page = await userAdmin.GetListAsync(new PageRequest(skip, PageRequest.MaxTake), ct);
            active.AddRange(page.Items.Where(u => u.IsActive).Select(u => u.Id));
            if (page.Items.Count < PageRequest.MaxTake) break;
        }
        if (announcement.DepartmentIds.Count == 0) return active.Count;
        var count = 0;
        foreach (var user in active)
            if (announcement.IsFor(await PathAsync(user, ct))) count++;
        return count;
    }

    private async Task<IReadOnlyList<Guid>> PathAsync(Guid userId, CancellationToken ct) => org is null ? [] : await org.DepartmentPathAsync(userId, ct);

    private async Task<Announcement> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Announcement", id);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

internal sealed class PublishAnnouncementRequestValidator : AbstractValidator<PublishAnnouncementRequest>
{
    public PublishAnnouncementRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Body).NotEmpty().MaximumLength(8000);
        RuleFor(r => r.DepartmentIds).Must(ids => ids is null || ids.Count <= 100);
    }
}
