using BizSuite.Kernel;
using BizSuite.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Activities;

/// <summary>The follow-ups (跟进记录) logged on a customer or a contract, in their timelines.</summary>
internal sealed class ActivityTimelineSource(CrmDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> ReadAsync(TimelineRecordType type, Guid recordId, TimelineCursor? before, int take, CancellationToken ct)
    {
        ActivityRegarding? regarding = type.Name switch
        {
            CrmRecordTypes.Customer => ActivityRegarding.Customer,
            CrmRecordTypes.Contract => ActivityRegarding.Contract,
            _ => null,
        };
        if (regarding is null) return [];
        var query = db.Activities.AsNoTracking().Where(a => a.RegardingType == regarding && a.RegardingId == recordId);
        if (before is not null)
            query = query.Where(a => a.OccurredAt < before.At || (a.OccurredAt == before.At && a.Id.CompareTo(before.Id) < 0));
        var activities = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return activities.Select(a => new TimelineItem(a.Id, DateTime.SpecifyKind(a.OccurredAt, DateTimeKind.Utc), TimelineItemKind.Activity, a.Type.ToString(),
            a.CreatedBy, a.Subject, a.Notes, null, [])).ToList();
    }
}
