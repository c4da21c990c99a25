using BizSuite.Identity.Data;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Identity.SecurityLog;

/// <summary>
/// Writes the security log: with the change it records, in the request's transaction (<see cref="Record"/>), or — for a
/// failure whose request rolls back — in a transaction of its own (<see cref="RecordCommittedAsync"/>).
/// </summary>
internal sealed class SecurityLogService(IdentityDbContext db, IHttpContextAccessor http, UnitOfWorkRunner runner, TimeProvider clock)
{
    public void Record(SecurityEventKind kind, Guid? userId, string userName, string? detail = null) =>
        db.SecurityEvents.Add(New(kind, userId, userName, detail));

    public Task RecordCommittedAsync(SecurityEventKind kind, Guid? userId, string userName, string? detail, CancellationToken cancellationToken)
    {
        var row = New(kind, userId, userName, detail);
        return runner.RunAsync((sp, _) =>
        {
            sp.GetRequiredService<IdentityDbContext>().SecurityEvents.Add(row);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<PagedResult<SecurityEventDto>> GetListAsync(SecurityLogQuery query, CancellationToken cancellationToken)
    {
        var rows = db.SecurityEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserName)) rows = rows.Where(e => e.UserName.Contains(query.UserName.Trim()));
        if (query.Kind is { } kind) rows = rows.Where(e => e.Kind == kind);
        if (query.From is { } from) rows = rows.Where(e => e.At >= from);
        if (query.To is { } to) rows = rows.Where(e => e.At < to);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(query.Skip).Take(query.Take)
            .Select(e => new SecurityEventDto(e.Id, e.At, e.Kind, e.UserId, e.UserName, e.Detail, e.IpAddress, e.UserAgent))
            .ToListAsync(cancellationToken);
        return new PagedResult<SecurityEventDto>(items, total);
    }

    private SecurityEvent New(SecurityEventKind kind, Guid? userId, string userName, string? detail)
    {
        var request = http.HttpContext;
        return new SecurityEvent(kind, userId, userName, detail, request?.Connection.RemoteIpAddress?.ToString(),
            request?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null, clock.GetUtcNow().UtcDateTime);
    }
}

internal sealed class SecurityLogQueryValidator : AbstractValidator<SecurityLogQuery>
{
    public SecurityLogQueryValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Take).InclusiveBetween(1, 200);
        RuleFor(q => q.UserName).MaximumLength(256);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}
