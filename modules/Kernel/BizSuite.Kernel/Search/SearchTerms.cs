using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// One term of one record (<see cref="SearchText"/>), a row of its module's <c>&lt;prefix&gt;_search_terms</c> table. Written by
/// the module's own DbContext in the transaction that saves the record, so it is never stale and no module reads another's
/// tables. Not <see cref="IMultiTenant"/>: queries pass the tenant as a value, which keeps MariaDB on the index.
/// </summary>
public sealed class SearchTerm
{
    public Guid RecordId { get; init; }
    public string Term { get; init; } = "";
    public Guid TenantId { get; init; }
    public string RecordType { get; init; } = "";
}

/// <summary>
/// A kind of record found by text: its name (<c>finance.invoice</c>), the texts a user may search it by, and how the start-up
/// backfill reads its records in id order.
/// </summary>
public sealed record Searchable(Type Entity, string RecordType, Func<object, IEnumerable<string?>> Texts,
    Func<BizDbContext, Guid?, int, CancellationToken, Task<List<Entity>>> PageAsync)
{
    public static Searchable For<T>(string recordType, Func<T, IEnumerable<string?>> texts) where T : Entity =>
        new(typeof(T), recordType, e => texts((T)e), async (db, after, take, ct) =>
        {
            var records = db.Set<T>().AsNoTracking();
            if (after is { } id) records = records.Where(e => e.Id.CompareTo(id) > 0);
            return [.. await records.OrderBy(e => e.Id).Take(take).ToListAsync(ct)];
        });
}

/// <summary>
/// Text search over a module's records through its term table, and list counts that stop at a limit.
/// </summary>
public static class SearchQueries
{
    /// <summary>
    /// A term matching more records than this does not drive the search by itself: its ids are not fetched, records are
    /// read in the list's order and each is probed for its terms instead (a common term fills a page at once).
    /// </summary>
    private const int DriverLimit = 2_000;

    /// <summary>
    /// Records of <paramref name="query"/> having every term of <paramref name="text"/>. The rarest term's records (found with
    /// counts that stop at <see cref="DriverLimit"/>) are fetched and narrowed by the other terms, then the list reads them
    /// by primary key: ids in the SQL, never a semi-join, which MariaDB would answer by materializing every match.
    /// </summary>
    public static async Task<IQueryable<T>> WhereMatchesAsync<T>(this IQueryable<T> query, BizDbContext db, string text, CancellationToken ct)
        where T : Entity
    {
        var wanted = SearchText.QueryTerms(text);
        if (wanted.Count == 0 || db.TenantForQueries is not { } tenantId) return query.Where(_ => false);
        var recordType = db.Searchables.Single(s => s.Entity == typeof(T)).RecordType;
        var terms = db.Set<SearchTerm>().AsNoTracking().Where(t => t.TenantId == tenantId && t.RecordType == recordType);

        var counted = new List<(QueryTerm Term, int Count)>();
        foreach (var term in wanted)
        {
            var count = await Matching(terms, term).Take(DriverLimit + 1).CountAsync(ct);
            if (count == 0) return query.Where(_ => false);
            counted.Add((term, count));
        }
        counted.Sort((a, b) => a.Count.CompareTo(b.Count));
        if (counted[0].Count > DriverLimit)
            // Every term is common: probe each record in the list's order. A scalar subquery with LIMIT 1 is not turned into a semi-join.
            return wanted.Aggregate(query, (q, term) =>
            {
                var matching = Matching(terms, term);
                return q.Where(e => matching.Where(t => t.RecordId == e.Id).Select(t => (int?)1).FirstOrDefault() != null);
            });

        var ids = await Matching(terms, counted[0].Term).Select(t => t.RecordId).Distinct().ToListAsync(ct);
        foreach (var (term, _) in counted.Skip(1))
        {
            if (ids.Count == 0) break;
            var these = ids;
            ids = await Matching(db.Set<SearchTerm>().AsNoTracking().Where(t => EF.Constant(these).Contains(t.RecordId)), term)
                .Select(t => t.RecordId).Distinct().ToListAsync(ct);
        }
        return query.Where(e => EF.Constant(ids).Contains(e.Id));
    }

    private static IQueryable<SearchTerm> Matching(IQueryable<SearchTerm> terms, QueryTerm term)
    {
        if (!term.Prefix) return terms.Where(t => t.Term == term.Text);
        var pattern = term.Text + "%"; // terms hold letters and digits only: nothing to escape
        return terms.Where(t => EF.Functions.Like(t.Term, pattern));
    }

    /// <summary>
    /// The list's number of records, counted up to <see cref="PageRequest.CountLimit"/> + 1: a count over a million index
    /// entries takes longer than the page. Above the limit the web app shows "10,000+".
    /// </summary>
    public static async Task<long> CountLimitedAsync<T>(this IQueryable<T> query, CancellationToken ct) =>
        // SELECT 1 rather than the entity: the limited subquery then reads the index alone, not every matching row.
        await query.Select(_ => 1).Take(PageRequest.CountLimit + 1).LongCountAsync(ct);
}
