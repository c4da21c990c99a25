using FluentValidation;

namespace BizSuite.Kernel;

/// <summary>List query: <c>?skip=&amp;take=&amp;sort=&amp;filter=</c>; sort is a field name, '-' first for descending.</summary>
public sealed record PageRequest(int Skip = 0, int Take = 20, string? Sort = null, string? Filter = null)
{
    public const int MaxTake = 1000;

    /// <summary>Lists count their records up to this many; a <c>totalCount</c> above it means "more than 10,000".</summary>
    public const int CountLimit = 10_000;

    public bool Descending => Sort?.StartsWith('-') == true;
    public string? SortField => Sort?.TrimStart('-', '+');
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, long TotalCount);

internal sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(p => p.Skip).GreaterThanOrEqualTo(0);
        RuleFor(p => p.Take).InclusiveBetween(1, PageRequest.MaxTake);
        RuleFor(p => p.Filter).MaximumLength(SearchText.MaxQueryLength);
    }
}

public static class PagingExtensions
{
    /// <summary>Orders by the requested sort field when it is one of <paramref name="keys"/>, else by the first key.</summary>
    public static IQueryable<T> SortBy<T>(this IQueryable<T> query, PageRequest page, params (string Name, System.Linq.Expressions.Expression<Func<T, object?>> Key)[] keys)
    {
        var key = keys.FirstOrDefault(k => string.Equals(k.Name, page.SortField, StringComparison.OrdinalIgnoreCase)).Key ?? keys[0].Key;
        return page.Descending ? query.OrderByDescending(key) : query.OrderBy(key);
    }
}
