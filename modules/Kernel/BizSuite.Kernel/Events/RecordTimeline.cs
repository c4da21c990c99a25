using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>
/// A kind of record that has a timeline (客户, 合同, 订单 …): its name in the API, the permission that lets a user see such a
/// record (and so its timeline), the web app's page of one, where a mention's notification links, and how the owning module
/// tells whether such a record exists in the current tenant (a comment on an id that names nothing is refused with 404).
/// </summary>
public sealed record TimelineRecordType(string Name, string ReadPermission, string PagePath, Func<IServiceProvider, Guid, CancellationToken, Task<bool>> ExistsAsync)
{
    public string LinkTo(Guid recordId) => PagePath.Replace("{id}", recordId.ToString());
}

public enum TimelineItemKind { Event, Activity, Comment }

/// <summary>
/// One line of a record's timeline. <paramref name="Type"/> is the event's or activity's type (the web app words it);
/// <paramref name="Data"/> an event's journalled payload; <paramref name="Text"/> an activity's subject or a comment.
/// </summary>
public sealed record TimelineItem(Guid Id, DateTime At, TimelineItemKind Kind, string Type, Guid? UserId, string? Text, string? Notes,
    JsonElement? Data, IReadOnlyList<TimelineFile> Files);

public sealed record TimelineFile(Guid Id, string FileName, long Size);

/// <summary>Where a page ends: the next page holds what is strictly older than (<paramref name="At"/>, <paramref name="Id"/>).</summary>
public sealed record TimelineCursor(DateTime At, Guid Id)
{
    /// <summary>The order every source pages in, newest first; ids compare as their stored char(36) text does.</summary>
    public static int Newest(TimelineItem a, TimelineItem b) =>
        a.At != b.At ? b.At.CompareTo(a.At) : string.CompareOrdinal(b.Id.ToString(), a.Id.ToString());
}

/// <summary>What a module contributes to records' timelines (the journal's events, CRM's activities, OA's comments): its newest
/// <c>take</c> items of the record older than the cursor, newest first, in the current tenant.</summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineRecordType type, Guid recordId, TimelineCursor? before, int take, CancellationToken ct);
}

public static class TimelineRegistration
{
    /// <summary>Gives a kind of record (<typeparamref name="TRecord"/> in the module's <typeparamref name="TContext"/>) a timeline.</summary>
    public static IServiceCollection AddTimelineRecord<TContext, TRecord>(this IServiceCollection services, string name, string readPermission, string pagePath)
        where TContext : DbContext where TRecord : Entity =>
        services.AddSingleton(new TimelineRecordType(name, readPermission, pagePath,
            (provider, id, ct) => provider.GetRequiredService<TContext>().Set<TRecord>().AnyAsync(r => r.Id == id, ct)));
}

/// <summary>The record's events (<see cref="EventJournalRecord"/>), paged on the links' index, newest first.</summary>
internal sealed class JournalTimelineSource(KernelDbContext db, ICurrentTenant tenant) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineRecordType type, Guid recordId, TimelineCursor? before, int take, CancellationToken ct)
    {
        var links = db.EventRecords.AsNoTracking().Where(r => r.TenantId == tenant.Id && r.RecordId == recordId);
        if (before is not null)
            links = links.Where(r => r.OccurredAt < before.At || (r.OccurredAt == before.At && r.EventId.CompareTo(before.Id) < 0));
        // A join on the page, not IN (… LIMIT): MariaDB refuses LIMIT inside an IN subquery.
        var page = links.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.EventId).Take(take);
        var entries = await page.Join(db.EventJournal.AsNoTracking(), r => r.EventId, e => e.Id, (r, e) => e)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        return entries.Select(e => new TimelineItem(e.Id, DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), TimelineItemKind.Event, e.EventType, e.UserId,
            null, null, JsonDocument.Parse(e.Payload).RootElement.Clone(), [])).ToList();
    }
}
