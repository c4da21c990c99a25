using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace BizSuite.Kernel;

/// <summary>
/// One connection and one transaction for a request or a job. Every module DbContext enlists in it;
/// completing saves them all, dispatches the domain events they raised (in the same transaction, until
/// no new events come), journals the events and commits. Disposing without completing rolls back.
/// A read (<see cref="OpenAsync"/>) shares the connection without a transaction and must change nothing.
/// </summary>
/// <remarks>
/// It writes the journal and audit rows through a kernel context of its own, rented from the pool: the scope's
/// <see cref="KernelDbContext"/> is bound to this unit of work, so depending on it would be a cycle.
/// </remarks>
public sealed class UnitOfWork(IOptions<KernelOptions> options, ICurrentTenant currentTenant, ICurrentUser currentUser, TimeProvider clock,
    IDbContextFactory<KernelDbContext> journalContexts, DomainEventDispatcher dispatcher) : IAsyncDisposable
{
    private readonly List<BizDbContext> _contexts = [];
    private readonly List<EventJournalEntry> _journal = [];
    private readonly List<EntityChangeRecord> _changes = [];
    private readonly List<Action> _onEnded = [];
    private readonly List<Func<Task>> _onCommitted = [];
    private readonly List<(AggregateRoot, RaisedEvent)> _collectedEarly = [];
    private int _savepoints;
    private bool _completed;

    public MySqlConnection Connection { get; } = new(options.Value.ConnectionString);
    public MySqlTransaction? Transaction { get; private set; }
    public string CorrelationId { get; set; } = Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// Opens the connection for a read: no transaction, so no BEGIN and COMMIT round trips, and each statement sees what is
    /// committed when it runs (as under READ COMMITTED). Completing it fails if anything was changed or raised.
    /// </summary>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Connection.State != ConnectionState.Open) await Connection.OpenAsync(cancellationToken);
    }

    /// <summary>Opens the connection for a read on the read replica when one is configured (else on the primary).</summary>
    public async Task OpenReadOnlyAsync(CancellationToken cancellationToken = default)
    {
        if (Connection.State == ConnectionState.Open) return;
        if (options.Value.ReadOnlyConnectionString is { Length: > 0 } replica)
        {
            Connection.ConnectionString = replica;
            OnReplica = true;
        }
        await Connection.OpenAsync(cancellationToken);
    }

    /// <summary>The connection reads the replica: nothing may begin a transaction on it.</summary>
    public bool OnReplica { get; private set; }

    public async Task BeginAsync(CancellationToken cancellationToken = default)
    {
        if (Transaction is not null) return;
        if (OnReplica) throw new InvalidOperationException("A read on the replica cannot begin a transaction: let its endpoint opt in with WithTransaction().");
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
        if (Transaction is null)
        {
            if (Connection.State != ConnectionState.Open) throw new InvalidOperationException("The unit of work was not begun.");
            // Saving here would write each statement on its own, half a flow if one failed.
            if (CollectEvents().Count > 0 || _contexts.Any(c => c.ChangeTracker.HasChanges()))
                throw new InvalidOperationException("A read without a transaction changed data: let its endpoint opt in with WithTransaction().");
            _completed = true;
            RunEnded();
            return;
        }
        var maxRounds = options.Value.MaxEventRounds;
        for (var round = 0; ; round++)
        {
            // Collect before saving: deleted aggregates are detached by the save.
            var raised = CollectEvents();
            foreach (var context in _contexts.ToList()) await context.SaveChangesAsync(cancellationToken);
            if (raised.Count == 0) break;
            if (round >= maxRounds)
                throw new InvalidOperationException($"Domain events still cascade after {maxRounds} rounds; a handler loop is likely.");
            foreach (var (aggregate, evt) in raised)
            {
                // Handlers run in the tenant of the aggregate that raised the event, even when the caller
                // switched tenants only for the call that raised it (a webhook, a job for several tenants).
                var tenantId = aggregate is IMultiTenant { TenantId: { } owner } ? owner : currentTenant.Id;
                var entry = EventJournalEntry.For(evt, aggregate, CorrelationId, tenantId, currentUser.Id, clock);
                _journal.Add(entry);
                using (tenantId == currentTenant.Id ? null : currentTenant.Change(tenantId))
                using (DomainEventScope.Enter(evt.EventId, entry.OccurredAt, evt.CausationId))
                    await dispatcher.DispatchAsync(evt.Event, cancellationToken);
            }
        }
        await WriteJournalAsync(cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        _completed = true;
        RunEnded();
        foreach (var action in _onCommitted) await action();
        _onCommitted.Clear();
    }

    /// <summary>
    /// Runs optional work inside the transaction so that its failure does not fail the flow: what is pending is saved first, the work
    /// runs behind a savepoint, and a failure rolls back to it, forgets what the work added to the contexts and returns the exception
    /// (an automation rule that fails is logged, while the business change commits). Cancellation still propagates.
    /// </summary>
    public async Task<Exception?> TryIsolatedAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        if (Transaction is null) throw new InvalidOperationException("Isolated work needs the unit of work's transaction.");
        // Saving detaches deleted aggregates: keep their events for the next round.
        _collectedEarly.AddRange(CollectEvents());
        foreach (var context in _contexts.ToList()) await context.SaveChangesAsync(cancellationToken);
        var before = _contexts.SelectMany(c => c.ChangeTracker.Entries()).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var (journal, changes) = (_journal.Count, _changes.Count);
        var savepoint = $"isolated_{++_savepoints}";
        await Transaction.SaveAsync(savepoint, cancellationToken);
        try
        {
            await work(cancellationToken);
            foreach (var context in _contexts.ToList()) await context.SaveChangesAsync(cancellationToken);
            await Transaction.ReleaseAsync(savepoint, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Transaction.RollbackAsync(savepoint, cancellationToken);
            _journal.RemoveRange(journal, _journal.Count - journal);
            _changes.RemoveRange(changes, _changes.Count - changes);
            foreach (var entry in _contexts.SelectMany(c => c.ChangeTracker.Entries()).ToList())
            {
                if (!before.Contains(entry.Entity)) entry.State = EntityState.Detached;
                else if (entry.State != EntityState.Unchanged) await entry.ReloadAsync(cancellationToken);
            }
            return ex;
        }
    }

    /// <summary>
    /// Journal and audit rows are only appended and nobody reads them inside the flow: they wait for the end and go in
    /// one batch (a round trip per event round saved).
    /// </summary>
    private async Task WriteJournalAsync(CancellationToken cancellationToken)
    {
        if (_journal.Count == 0 && _changes.Count == 0) return;
        await using var journal = journalContexts.CreateDbContext();
        journal.Share(this);
        await journal.Database.UseTransactionAsync(Transaction, cancellationToken);
        journal.EventJournal.AddRange(_journal);
        journal.EntityChanges.AddRange(_changes);
        await journal.SaveChangesAsync(cancellationToken);
        _journal.Clear();
        _changes.Clear();
    }

    /// <summary>Runs <paramref name="action"/> right after the commit, or at disposal after a rollback (cache invalidation).</summary>
    public void OnEnded(Action action) => _onEnded.Add(action);

    /// <summary>
    /// Runs <paramref name="action"/> after the commit only (pushes to browsers, announcements to other hosts): what was rolled
    /// back is never announced. The action handles its own failures: the change is committed whatever it does.
    /// </summary>
    public void OnCommitted(Func<Task> action) => _onCommitted.Add(action);

    private void RunEnded()
    {
        foreach (var action in _onEnded) action();
        _onEnded.Clear();
    }

    private List<(AggregateRoot Aggregate, RaisedEvent Event)> CollectEvents()
    {
        var raised = new List<(AggregateRoot, RaisedEvent)>(_collectedEarly);
        _collectedEarly.Clear();
        foreach (var context in _contexts.ToList())
        foreach (var aggregate in context.TrackedAggregates())
        {
            raised.AddRange(aggregate.RaisedEvents.Select(e => (aggregate, e)));
            aggregate.ClearEvents();
        }
        return raised;
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
            UserName = currentUser.UserName,
            ImpersonatorId = currentUser.ImpersonatorId,
            ImpersonatorName = currentUser.ImpersonatorName,
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
                if (!_completed && Connection.State == ConnectionState.Open)
                {
                    try { await Transaction.RollbackAsync(); }
                    // The server dropped the connection, and its transaction with it: nothing is left to roll back, and
                    // throwing here would replace the request's 503 by a broken response.
                    catch (Exception ex) when (DatabaseOutage.IsUnreachable(ex)) { }
                }
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
