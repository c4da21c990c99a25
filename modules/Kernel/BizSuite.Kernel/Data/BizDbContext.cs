using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;

namespace BizSuite.Kernel;

/// <summary>
/// Base of every module's DbContext: enlists in the request's unit of work (one connection, one
/// transaction), filters tenant data, stamps tenant/audit fields and bumps aggregate versions.
/// </summary>
public abstract class BizDbContext(DbContextOptions options) : DbContext(options)
{
    // The scope's services while a scope rents the context; null in the pool, when migrating and when dotnet-ef creates it.
    private DataContextServices? _services;

    /// <summary>
    /// Binds a context rented from its pool to the scope that rents it: its unit of work's connection and
    /// transaction, tenant, user and clock. Pooling keeps EF's per-context services (change tracker, query
    /// pipeline, the provider's translators), which cost more to build than a signing's queries take to run.
    /// </summary>
    internal BizDbContext Bind(DataContextServices services)
    {
        _services = services;
        Share(services.UnitOfWork);
        ChangeTracker.Tracked += StampAdded;
        services.UnitOfWork.Enlist(this);
        return this;
    }

    /// <summary>Puts the context on the unit of work's connection; the unit of work hands it its transaction.</summary>
    internal void Share(UnitOfWork unitOfWork)
    {
        // A context returned to the pool is reset to EF's defaults, so this is set on every rent.
        // EF wraps each SaveChanges inside an existing transaction in a savepoint (two more round trips) so the
        // caller could carry on after a failed save. Nothing does: a failure anywhere rolls the whole unit of work back.
        Database.AutoSavepointsEnabled = false;
        Database.SetDbConnection(unitOfWork.Connection, contextOwnsConnection: false);
    }

    // Disposing returns a pooled context: it lets go of the scope, so a context rented unbound (to migrate) sees no
    // earlier scope's tenant or unit of work, and the next Bind subscribes the stamping once.
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Unbind();
        return base.DisposeAsync();
    }

    private void Unbind()
    {
        if (_services is null) return;
        ChangeTracker.Tracked -= StampAdded;
        _services = null;
    }

    /// <summary>
    /// Stamps tenant and creation when an entity is added, not at save: a handler may add rows for another
    /// tenant inside CurrentTenant.Change and return before the unit of work saves, and the DTO an
    /// endpoint returns for a new entity is built before the save.
    /// </summary>
    private void StampAdded(object? sender, EntityTrackedEventArgs e)
    {
        if (e.FromQuery || e.Entry.State != EntityState.Added) return;
        var services = _services!; // subscribed only while bound
        if (e.Entry.Entity is IMultiTenant { TenantId: null } && services.CurrentTenant.Id is { } tenantId)
            e.Entry.Property(nameof(IMultiTenant.TenantId)).CurrentValue = tenantId;
        if (e.Entry.Entity is IAuditedEntity)
        {
            e.Entry.Property(nameof(IAuditedEntity.CreatedAt)).CurrentValue = services.Clock.GetUtcNow().UtcDateTime;
            e.Entry.Property(nameof(IAuditedEntity.CreatedBy)).CurrentValue = services.CurrentUser.Id;
        }
    }

    /// <summary>
    /// Entities read through a <see cref="TenantCache"/> region: saving a change to one drops that region's entries of
    /// the entity's tenant, whichever service made the change.
    /// </summary>
    protected virtual IReadOnlyList<(Type Entity, string Region)> CachedEntities => [];

    /// <summary>The kinds of record this module's term table indexes (<see cref="SearchTermModel.HasSearchTerms"/>); a static list.</summary>
    protected internal virtual IReadOnlyList<Searchable> Searchables => [];

    /// <summary>The tenant that search and custom-field filters look up, read here so no call site can pass another.</summary>
    internal Guid? TenantForQueries => CurrentTenantId;

    // Read by the global query filters on every query (EF parameterizes context members).
    protected Guid? CurrentTenantId => _services?.CurrentTenant.Id;
    protected bool IsTenantFilterEnabled => _services?.CurrentTenant.IsFilterEnabled ?? true;

    /// <summary>Money is decimal(18,2) everywhere (design rule); quantities and rates say otherwise explicitly.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var clr = entityType.ClrType;
            if (typeof(IMultiTenant).IsAssignableFrom(clr))
            {
                modelBuilder.Entity(clr).HasIndex(nameof(IMultiTenant.TenantId));
                modelBuilder.Entity(clr).HasQueryFilter(TenantFilter(clr));
            }
            if (typeof(AggregateRoot).IsAssignableFrom(clr))
                modelBuilder.Entity(clr).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }
    }

    private LambdaExpression TenantFilter(Type clr)
    {
        // e => !IsTenantFilterEnabled || e.TenantId == CurrentTenantId
        var e = Expression.Parameter(clr, "e");
        var context = Expression.Constant(this);
        var body = Expression.OrElse(
            Expression.Not(Expression.Property(context, nameof(IsTenantFilterEnabled))),
            Expression.Equal(
                Expression.Property(e, nameof(IMultiTenant.TenantId)),
                Expression.Property(context, nameof(CurrentTenantId))));
        return Expression.Lambda(body, e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync; the unit of work saves for you.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_services is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The unit of work saves every enlisted context each event round, most of them unchanged: skip those at once.
        if (!StampEntries()) return 0;
        // Stamping detected the changes and sets values through EF's property API, which marks them modified: the
        // save need not scan every tracked entity again.
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (Searchables.Count > 0) await IndexSearchTermsAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Tracked aggregates (for their raised events), without the change detection <c>Entries()</c> runs first.</summary>
    internal List<AggregateRoot> TrackedAggregates()
    {
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Stamps modified entities, bumps aggregate versions, records audited changes; false when nothing is to be saved.</summary>
    private bool StampEntries()
    {
        var now = _services!.Clock.GetUtcNow().UtcDateTime;
        var userId = _services.CurrentUser.Id;
        var changed = false;
        foreach (var entry in ChangeTracker.Entries()) // detects changes first
        {
            if (entry.State == EntityState.Modified)
            {
                if (entry.Entity is IAuditedEntity)
                {
                    entry.Property(nameof(IAuditedEntity.ModifiedAt)).CurrentValue = now;
                    entry.Property(nameof(IAuditedEntity.ModifiedBy)).CurrentValue = userId;
                }
                if (entry.Entity is AggregateRoot) BumpVersion(entry);
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            changed = true;
            if (MarkedWith<AuditedAttribute>.Is(entry.Metadata.ClrType)) _services.UnitOfWork.RecordChange(entry);
            foreach (var (type, region) in CachedEntities)
                if (type.IsInstanceOfType(entry.Entity))
                    _services.Cache.Invalidate(region, (entry.Entity as IMultiTenant)?.TenantId ?? _services.CurrentTenant.Id, _services.UnitOfWork);
        }
        return changed;
    }

    /// <summary>
    /// Writes the terms of added records and replaces those of records whose searched texts changed (a status change
    /// leaves them alone), in this save, so the search never lags the record.
    /// </summary>
    private async Task IndexSearchTermsAsync(CancellationToken ct)
    {
        var changes = new List<(Guid Id, Guid TenantId, string RecordType, HashSet<string> Terms, bool Replace)>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is not Entity entity
                || (entry.Entity as IMultiTenant)?.TenantId is not { } tenantId) continue;
            var searchable = Searchables.FirstOrDefault(s => s.Entity == entry.Metadata.ClrType);
            if (searchable is null) continue;
            var terms = SearchText.IndexTerms(searchable.Texts(entity));
            if (entry.State == EntityState.Modified && terms.SetEquals(SearchText.IndexTerms(searchable.Texts(entry.OriginalValues.ToObject())))) continue;
            changes.Add((entity.Id, tenantId, searchable.RecordType, terms, entry.State == EntityState.Modified));
        }
        foreach (var (id, tenantId, recordType, terms, replace) in changes)
        {
            if (replace) await Set<SearchTerm>().Where(t => t.RecordId == id).ExecuteDeleteAsync(ct);
            Set<SearchTerm>().AddRange(terms.Select(term => new SearchTerm { RecordId = id, Term = term, TenantId = tenantId, RecordType = recordType }));
        }
    }

    private static void BumpVersion(EntityEntry entry)
    {
        var version = entry.Property(nameof(AggregateRoot.Version));
        version.CurrentValue = (int)version.OriginalValue! + 1;
    }
}

/// <summary>The kernel services a module DbContext needs; one bundle keeps module constructors short.</summary>
public sealed class DataContextServices(UnitOfWork unitOfWork, ICurrentTenant currentTenant, ICurrentUser currentUser, TimeProvider clock, TenantCache cache)
{
    public TenantCache Cache { get; } = cache;
    public UnitOfWork UnitOfWork { get; } = unitOfWork;
    public ICurrentTenant CurrentTenant { get; } = currentTenant;
    public ICurrentUser CurrentUser { get; } = currentUser;
    public TimeProvider Clock { get; } = clock;
}

/// <summary>Lets dotnet-ef create a module's context to add migrations; no database is contacted.</summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : BizDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseMySql("Server=localhost", KernelDatabase.ServerVersion, b => b.MigrationsHistoryTable(KernelDatabase.HistoryTable<TContext>()))
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}

public static class SearchTermModel
{
    /// <summary>The module's term table; call once in its DbContext, which lists its kinds in <see cref="BizDbContext.Searchables"/>.</summary>
    public static void HasSearchTerms(this ModelBuilder modelBuilder, string table) => modelBuilder.Entity<SearchTerm>(b =>
    {
        b.ToTable(table);
        // A record's terms are found (and replaced) by its id; the second index serves every query: tenant, kind, term.
        b.HasKey(t => new { t.RecordId, t.Term });
        b.Property(t => t.Term).HasMaxLength(SearchText.MaxTermLength).UseCollation("utf8mb4_bin");
        b.Property(t => t.RecordType).HasMaxLength(40);
        b.HasIndex(t => new { t.TenantId, t.RecordType, t.Term, t.RecordId });
    });
}
