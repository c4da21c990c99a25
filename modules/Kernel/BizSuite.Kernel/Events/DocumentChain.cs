using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// The documents a business document led to, read from the event journal: every event of the
/// document, every event that names it (an order names its contract, a voucher its invoice), and so
/// on from the documents found, a few steps deep. It needs no module's tables, only the journal.
/// </summary>
internal sealed class DocumentChain(KernelDbContext db, ICurrentTenant tenant)
{
    private const int Depth = 4;
    private const int MaxEntries = 500;

    public async Task<IReadOnlyList<EventJournalEntry>> ForAsync(Guid documentId, CancellationToken ct)
    {
        var found = new Dictionary<Guid, EventJournalEntry>();
        var seen = new HashSet<Guid> { documentId };
        var frontier = new List<Guid> { documentId };
        for (var step = 0; step < Depth && frontier.Count > 0 && found.Count < MaxEntries; step++)
        {
            var next = new List<Guid>();
            foreach (var id in frontier)
            {
                var text = id.ToString();
                var entries = await db.EventJournal.AsNoTracking()
                    .Where(e => e.TenantId == tenant.Id && (e.AggregateId == id || e.Payload.Contains(text)))
                    .OrderBy(e => e.Id).Take(MaxEntries).ToListAsync(ct);
                foreach (var entry in entries)
                {
                    found.TryAdd(entry.Id, entry);
                    if (seen.Add(entry.AggregateId)) next.Add(entry.AggregateId);
                }
            }
            frontier = next;
        }
        // The journal is all the kernel knows of a document: nothing journalled about it in this tenant is "not found".
        if (found.Count == 0) throw new EntityNotFoundException("Document", documentId);
        return found.Values.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
    }
}
