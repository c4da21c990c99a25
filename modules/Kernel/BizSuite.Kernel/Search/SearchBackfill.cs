using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BizSuite.Kernel;

/// <summary>Which version of <see cref="SearchText"/> a kind of record's terms were written with (<c>kernel_search_indexes</c>).</summary>
public sealed class SearchIndexState
{
    public string RecordType { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>
/// At start (under the migration lock), indexes the records of every kind that is new to the search or was indexed by an
/// older <see cref="SearchText.Version"/>: records saved before search existed (the demo tenant, older tenants) become
/// searchable, and a changed tokenizer rewrites every term. Batches of 1,000 records, each in its own transaction; the kind
/// is marked done last, so a start that stops half-way begins again. Nothing to do costs one query.
/// </summary>
internal static class SearchBackfill
{
    private const int Batch = 1_000;

    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        var contexts = services.GetServices<DbContextRegistration>().Select(r => r.ContextType).ToList();
        var kinds = new List<(Type Context, Searchable Searchable)>();
        var done = new Dictionary<string, int>();
        await runner.RunAsync(async (sp, token) =>
        {
            foreach (var type in contexts)
                kinds.AddRange(((BizDbContext)sp.GetRequiredService(type)).Searchables.Select(s => (type, s)));
            done = await sp.GetRequiredService<KernelDbContext>().SearchIndexes.AsNoTracking().ToDictionaryAsync(s => s.RecordType, s => s.Version, token);
        }, ct);

        foreach (var (context, searchable) in kinds.Where(k => done.GetValueOrDefault(k.Searchable.RecordType) != SearchText.Version))
        {
            logger.LogInformation("Indexing {RecordType} for search", searchable.RecordType);
            await runner.RunAsync((sp, token) => ((BizDbContext)sp.GetRequiredService(context)).Set<SearchTerm>()
                .Where(t => t.RecordType == searchable.RecordType).ExecuteDeleteAsync(token), ct);
            for (Guid? after = null; ;)
            {
                var last = after;
                await runner.RunAsync(async (sp, token) =>
                {
                    using var allTenants = sp.GetRequiredService<ICurrentTenant>().DisableFilter();
                    var db = (BizDbContext)sp.GetRequiredService(context);
                    var records = await searchable.PageAsync(db, last, Batch, token);
                    foreach (var record in records.Where(r => r is IMultiTenant { TenantId: not null }))
                        db.Set<SearchTerm>().AddRange(SearchText.IndexTerms(searchable.Texts(record)).Select(term => new SearchTerm
                        {
                            RecordId = record.Id, Term = term, TenantId = ((IMultiTenant)record).TenantId!.Value, RecordType = searchable.RecordType,
                        }));
                    last = records.Count == Batch ? records[^1].Id : null;
                }, ct);
                if (last is null) break;
                after = last;
            }
            await runner.RunAsync(async (sp, token) =>
            {
                var kernel = sp.GetRequiredService<KernelDbContext>();
                var state = await kernel.SearchIndexes.FindAsync([searchable.RecordType], token);
                if (state is null) kernel.SearchIndexes.Add(new SearchIndexState { RecordType = searchable.RecordType, Version = SearchText.Version });
                else state.Version = SearchText.Version;
            }, ct);
        }
    }
}
