namespace BizSuite.Kernel;

public sealed record TenantInfo(Guid Id, string Name, bool IsActive)
{
    /// <summary>Modules (by <see cref="BizModule.Name"/> or an endpoint's <see cref="ModuleEndpoint"/>) the tenant's plan leaves out.</summary>
    public IReadOnlySet<string> LockedModules { get; init; } = new HashSet<string>();

    /// <summary>From this time on the tenant may only read (an unpaid subscription after its grace period).</summary>
    public DateTime? ReadOnlyFrom { get; init; }

    /// <summary>The company name shown to people (the documents' seller when its company profile names none).</summary>
    public string DisplayName { get; init; } = Name;
}

/// <summary>The tenant the current request or job works for; null is the host side.</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }
    string? Name { get; }
    bool IsFilterEnabled { get; }

    /// <summary>Switches tenant until disposed (a host-admin operation or a handler seeding a new tenant).</summary>
    IDisposable Change(Guid? id, string? name = null);

    /// <summary>Lets the caller see every tenant's rows until disposed; only for explicit host operations.</summary>
    IDisposable DisableFilter();
}

/// <summary>Looks tenants up by name or id; the Saas module provides it.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default);
}

internal sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantState?> State = new();
    private static readonly AsyncLocal<bool> FilterDisabled = new();

    public Guid? Id => State.Value?.Id;
    public string? Name => State.Value?.Name;
    public bool IsFilterEnabled => !FilterDisabled.Value;

    public IDisposable Change(Guid? id, string? name = null)
    {
        var previous = State.Value;
        State.Value = new TenantState(id, name);
        return new Restore(() => State.Value = previous);
    }

    public IDisposable DisableFilter()
    {
        var previous = FilterDisabled.Value;
        FilterDisabled.Value = true;
        return new Restore(() => FilterDisabled.Value = previous);
    }

    private sealed record TenantState(Guid? Id, string? Name);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
