using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>One record found: what the top bar's search lists (名称, and a second line such as the customer or credit code).</summary>
public sealed record SearchHit(Guid Id, string Title, string? Subtitle);

/// <summary>The hits of one kind of record (<c>crm.customer</c> …), newest first.</summary>
public sealed record SearchGroup(string Type, IReadOnlyList<SearchHit> Items);

public sealed record SearchResult(IReadOnlyList<SearchGroup> Groups);

public sealed record SearchRequest(string? Q, int Take = 5)
{
    public const int MaxTake = 20;
}

internal sealed class SearchRequestValidator : AbstractValidator<SearchRequest>
{
    public SearchRequestValidator()
    {
        RuleFor(r => r.Q).NotEmpty().MaximumLength(SearchText.MaxQueryLength);
        RuleFor(r => r.Take).InclusiveBetween(1, SearchRequest.MaxTake);
    }
}

/// <summary>A module's kind of record in the global search; the search asks only those whose read permission the user has.</summary>
public interface ISearchProvider
{
    string RecordType { get; }

    string ReadPermission { get; }

    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int take, CancellationToken ct);
}

/// <summary>Searches a module's records of <typeparamref name="T"/> through its term table (<see cref="SearchQueries.WhereMatchesAsync{T}"/>).</summary>
internal sealed class SearchProvider<T>(string readPermission, BizDbContext db, IQueryable<T> records, Expression<Func<T, SearchHit>> hit)
    : ISearchProvider where T : Entity
{
    public string RecordType { get; } = db.Searchables.Single(s => s.Entity == typeof(T)).RecordType;

    public string ReadPermission => readPermission;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int take, CancellationToken ct) =>
        await (await records.AsNoTracking().WhereMatchesAsync(db, query, ct)).OrderByDescending(e => e.Id).Take(take).Select(hit).ToListAsync(ct);
}

public static class SearchRegistration
{
    /// <summary>Puts a kind of record the module's DbContext indexes (<see cref="BizDbContext.Searchables"/>) in the global search.</summary>
    public static IServiceCollection AddSearch<TContext, T>(this IServiceCollection services, string readPermission, Func<TContext, IQueryable<T>> records,
        Expression<Func<T, SearchHit>> hit) where TContext : BizDbContext where T : Entity =>
        services.AddScoped<ISearchProvider>(sp =>
        {
            var db = sp.GetRequiredService<TContext>();
            return new SearchProvider<T>(readPermission, db, records(db), hit);
        });
}

/// <summary>The top bar's search: each kind of record the user may read, its newest matches, in the order modules registered them.</summary>
internal sealed class GlobalSearch(IEnumerable<ISearchProvider> providers, IPermissionChecker permissions)
{
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var groups = new List<SearchGroup>();
        // One after the other: every provider reads on the request's one connection.
        foreach (var provider in providers)
        {
            if (!await permissions.IsGrantedAsync(provider.ReadPermission, ct)) continue;
            var hits = await provider.SearchAsync(request.Q!, request.Take, ct);
            if (hits.Count > 0) groups.Add(new SearchGroup(provider.RecordType, hits));
        }
        return new SearchResult(groups);
    }
}
