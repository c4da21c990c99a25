using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace BizSuite.Kernel;

/// <summary>
/// One connection and one transaction for a request or a job. Every module DbContext enlists in it;
/// completing saves them all, dispatches the domain events they raised (in the same transaction, until
/// no new events come), journals the events and commits. Disposing without completing rolls back.
/// </summary>
public sealed class UnitOfWork(IServiceProvider services, IOptions<KernelOptions> options, ICurrentTenant currentTenant, ICurrentUser currentUser, TimeProvider clock)
    : IAsyncDisposable
{
    private readonly List<BizDbContext> _contexts = [];
    private readonly List<EntityChangeRecord> _changes = [];
    private readonly List<Action> _onEnded = [];
    private bool _completed;

    public MySqlConnection Connection { get; } = new(options.Value.ConnectionString);
    public MySqlTransaction? Transaction { get; private set; }
    public string CorrelationId { get; set; } = Guid.CreateVersion7().ToString("N");

    public async Task BeginAsync(CancellationToken cancellationToken = default)
    {
        if (Transaction is not null) return;
        if (Connection.State != ConnectionState.Open) await Connection.OpenAsync(cancellationToken);
        Transaction = await Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        foreach (var context in _contexts) await context.Database.UseTransactionAsync(Transaction, cancellationToken);
    }

    internal void Enlist(BizDbContext context)
    {
        _contexts.Add(context);
        if (Transaction is not null) context.Database.UseTransaction(Transaction);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) throw new InvalidOperationException("The unit of work is already completed.");
        if (Transaction is null) throw new InvalidOperationException("The unit of work was not begun.");
        var maxRounds = options.Value.MaxEventRounds;
        for (var round = 0; ; round++)
        {
            // Collect before saving: deleted aggregates are detached by the save.
            var raised = CollectEvents();
            await SaveAllAsync(final: raised.Count == 0, cancellationToken);
            if (raised.Count == 0) break;
            if (round >= maxRounds)
                throw new InvalidOperationException($"Domain events still cascade after {maxRounds} rounds; a handler loop is likely.");
            var journal = services.GetRequiredService<KernelDbContext>();
            foreach (var (aggregate, evt) in raised)
            {
                // Handlers run in the tenant of the aggregate that raised the event, even when the caller
                // switched tenants only for the call that raised it (a webhook, a job for several tenants).
                var tenantId = aggregate is IMultiTenant { TenantId: { } owner } ? owner : currentTenant.Id;
                journal.EventJournal.Add(EventJournalEntry.For(evt, aggregate, CorrelationId, tenantId, clock));
                using (tenantId == currentTenant.Id ? null : currentTenant.Change(tenantId))
                using (DomainEventScope.Enter(evt.EventId))
                    await DomainEventDispatcher.DispatchAsync(services, evt.Event, cancellationToken);
            }
        }
        await Transaction.CommitAsync(cancellationToken);
        _completed = true;
        RunEnded();
    }

    /// <summary>Runs <paramref name="action"/> right after the commit, or at disposal after a rollback (cache invalidation).</summary>
    public void OnEnded(Action action) => _onEnded.Add(action);

    private void RunEnded()
    {
        foreach (var action in _onEnded) action();
        _onEnded.Clear();
    }

    private List<(AggregateRoot Aggregate, RaisedEvent Event)> CollectEvents()
    {
        var raised = new List<(AggregateRoot, RaisedEvent)>();
        foreach (var context in _contexts.ToList())
        foreach (var aggregate in context.TrackedAggregates())
        {
            raised.AddRange(aggregate.RaisedEvents.Select(e => (aggregate, e)));
            aggregate.ClearEvents();
        }
        return raised;
    }

    private async Task SaveAllAsync(bool final, CancellationToken cancellationToken)
    {
        // Module contexts first: saving them records entity changes that the kernel context then writes.
        foreach (var context in _contexts.Where(c => c is not KernelDbContext).ToList())
            await context.SaveChangesAsync(cancellationToken);
        if (_changes.Count > 0)
        {
            services.GetRequiredService<KernelDbContext>().EntityChanges.AddRange(_changes);
            _changes.Clear();
        }
        // Journal and audit rows are only appended and nobody reads them inside the flow: they wait for the
        // last round and go in one batch (a round trip per event round saved); anything else is saved each round.
        foreach (var context in _contexts.OfType<KernelDbContext>())
            if (final || context.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not (EventJournalEntry or EntityChangeRecord)))
                await context.SaveChangesAsync(cancellationToken);
    }

    internal void RecordChange(EntityEntry entry)
    {
        var changes = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified)
            .Where(p => !p.Metadata.IsShadowProperty() && p.Metadata.Name is not nameof(AggregateRoot.Version))
            .ToDictionary(
                p => p.Metadata.Name,
                p => MarkedWith<SensitiveAttribute>.Is(p.Metadata.PropertyInfo)
                    ? new PropertyChange("***", "***")
                    : new PropertyChange(entry.State == EntityState.Added ? null : p.OriginalValue?.ToString(),
                                         entry.State == EntityState.Deleted ? null : p.CurrentValue?.ToString()));
        _changes.Add(new EntityChangeRecord
        {
            TenantId = (entry.Entity as IMultiTenant)?.TenantId ?? currentTenant.Id,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = entry.Property(nameof(Entity.Id)).CurrentValue?.ToString() ?? "",
            ChangeType = entry.State.ToString(),
            Changes = JsonSerializer.Serialize(changes, JournalJson.Options),
            UserId = currentUser.Id,
            CorrelationId = CorrelationId,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Transaction is not null)
            {
                if (!_completed) await Transaction.RollbackAsync();
                await Transaction.DisposeAsync();
            }
            await Connection.DisposeAsync();
        }
        finally
        {
            RunEnded();
        }
    }

    private sealed record PropertyChange(string? Old, string? New);
}
